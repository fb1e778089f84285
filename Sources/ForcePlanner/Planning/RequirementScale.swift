import ForceScenario
import Foundation

extension Scenario {
    /// This scenario with every requirement's `units` multiplied by `factor`
    /// (``PlanningOverrides/requirementScale``); itself when `factor` is 1.
    ///
    /// ```swift
    /// let bigger = scenario.scalingRequirements(by: 1.25)   // 24 fighters -> 30
    /// ```
    public func scalingRequirements(by factor: Double) -> Scenario {
        guard factor != 1 else { return self }
        var s = self
        for i in s.requirements.indices { s.requirements[i].units *= factor }
        return s
    }
}

extension PlanningOverrides {
    /// Checks a `--scale-requirements` value: a finite number above 0 (at most 1000, beyond
    /// which it is surely a typo).
    ///
    /// - Throws: ``InputError`` saying what would be right.
    public static func requirementScale(_ text: String) throws -> Double {
        guard let f = Double(text.trimmingCharacters(in: .whitespaces)), f.isFinite, f > 0, f <= 1000 else {
            throw InputError("--scale-requirements \(text): expected a factor above 0, e.g. 1.25 for 25% more of every requirement")
        }
        return f
    }
}
