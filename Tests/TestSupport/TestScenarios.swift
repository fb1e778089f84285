/// Scenarios that more than one test target plans.
public enum TestScenarios {
    /// See `StatusContractTests`: shares so tight that a weak search finds no plan.
    public static let tightShares = """
        format: forceplan/v1
        name: tight-shares
        capabilities:
          inf: {domain: land, personnel: 100}
          eng: {domain: support, personnel: 45}
        locations:
          poland: {tags: [neighbor]}
        nations:
          a:
            pledges: [{capability: inf, units: 3, cost: 5}]
          b:
            pledges: [{capability: eng, units: 9, cost: 1}]
        requirements:
          - {id: hold, needs: {inf: 1, eng: 1}, units: 1, at: [poland], min_nations: 2}
        policies:
          max_nation_share: 0.52
        objectives: [cost]
        """
}
