import ForceScenario

extension SweepReader {
    /// A lift scale: a number >= 0 (0: no strategic lift at all) and at most 1000.
    func liftScale(_ node: YAMLNode) -> Double? {
        decoder.number(node, "lift", ScenarioDecoder.NumberRule(test: { $0 >= 0 && $0 <= 1000 },
                                                                text: "a factor from 0 to 1000 (e.g. 1.5)"))
    }

    /// `lift: [0.5, 1, 1.5]`: every lift pool's personnel per day times each factor.
    func liftAxis(_ node: YAMLNode) -> SweepAxis {
        let values = scalars(node, "lift", example: "[0.5, 1, 1.5]").compactMap { item -> (Variation, YAMLNode)? in
            liftScale(item).map { scale in
                var v = Variation()
                v.liftScale = scale
                return (v, item)
            }
        }
        return SweepAxis(key: "lift", values: distinct(values))
    }
}
