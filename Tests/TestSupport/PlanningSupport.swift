import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import GLPKSolver
import LinearModel
import StandardPlanner
import Foundation
import XCTest

/// Where the package is: the working directory of CLI runs and the base of fixture paths.
public let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Loads a scenario written inline (YAML, `forceplan/v1`).
public func scenario(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> Scenario {
    do {
        return try ScenarioLoader.load(yaml: yaml, file: "inline.yaml").scenario
    } catch {
        XCTFail("scenario does not load: \(error)", file: file, line: line)
        throw error
    }
}

/// Plans every option of an inline scenario with GLPK (no alternatives, no binding
/// search unless asked).
public func planAll(_ yaml: String, alternatives: Bool = false, binding: Bool = false,
             overrides: PlanningOverrides = PlanningOverrides()) throws -> PlanReport {
    let s = try scenario(yaml)
    let settings = PlannerSettings(timeLimit: 60, overrides: overrides, alternatives: alternatives, findBinding: binding)
    return portfolioPlanner(s, settings).planAll()
}

/// A planner as `forceplan plan` builds it (``Planner/standard(scenario:settings:backend:)``).
public func portfolioPlanner(_ s: Scenario, _ settings: PlannerSettings = PlannerSettings()) -> Planner {
    Planner.standard(scenario: s, settings: settings)
}

/// The first option's result.
public func planFirst(_ yaml: String, alternatives: Bool = false, binding: Bool = false) throws -> OptionResult {
    let report = try planAll(yaml, alternatives: alternatives, binding: binding)
    return try XCTUnwrap(report.options.first)
}

/// Objective value of a plan, failing the test when absent.
public func value(_ r: OptionResult, _ o: ObjectiveSpec, file: StaticString = #filePath, line: UInt = #line) -> Double {
    guard let v = r.plan?.value(of: o) else {
        XCTFail("no value for \(o) (status \(r.status), \(r.message ?? ""))", file: file, line: line)
        return .nan
    }
    return v
}

/// A header shared by the small scenarios: one land and one air capability, western
/// Ukraine and Poland.
public let header = """
format: forceplan/v1
name: unit
capabilities:
  inf: {domain: land, personnel: 100}
  jet: {domain: air, personnel: 10}
locations:
  ua-west: {tags: [ukraine]}
  ua-east: {tags: [ukraine]}
  poland: {tags: [neighbor]}

"""
