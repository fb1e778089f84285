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
          - {id: hold, needs: {inf: 1, eng: 1}, units: 1, at: [poland]}
        policies:
          min_nations: 2
          max_nation_share: 0.52
        objectives: [cost]
        """

    /// `whatif --stable` (WhatIfStableTests, VariantCommandTests): r needs 2 infantry at a;
    /// u's 2 units (cost 1) serve it in the baseline. Written as `base.yaml`.
    public static let stableBase = """
        format: forceplan/v1
        name: stable
        capabilities:
          inf: {domain: land, personnel: 10}
        locations:
          a: {tags: [front]}
        nations:
          u: {pledges: [{capability: inf, units: 2, cost: 1}]}
          f: {pledges: [{capability: inf, units: 2, cost: 2}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [a]}
        options:
          - id: only

        """

    /// The variant of ``stableBase``: u's units cost 5.
    public static let stableVariant = """
        format: forceplan/v1
        extends: base.yaml
        name: dearer
        nations:
          u:
            pledges: [{capability: inf, cost: 5}]

        """

    /// Resilience (ResilienceTests, ResilienceCommandTests): r1 (weight 2) needs 2
    /// infantry, r2 (weight 1) 2 jets; a pledges 2 infantry and 1 jet, b 1 infantry, c 2
    /// jets; objectives withdrawal, coverage, cost.
    public static let smallWithdrawal = header + """
        objectives: [withdrawal, coverage, cost]
        nations:
          a: {pledges: [{capability: inf, units: 2, cost: 1}, {capability: jet, units: 1, cost: 1}]}
          b: {pledges: [{capability: inf, units: 1, cost: 1}]}
          c: {pledges: [{capability: jet, units: 2, cost: 1}]}
        requirements:
          - {id: r1, needs: inf, units: 2, at: [poland], weight: 2}
          - {id: r2, needs: jet, units: 2, at: [poland]}
        """
}
