/// Small scenarios with a timeline whose build-up is derived by hand in `TimelineTests`.
public enum TimelineCases {
    /// 20 infantry (100 personnel each) wanted at a front that needs lift; one pool moves
    /// 100 personnel a day; milestones D+7 and D+14.
    public static let liftLimited = """
        format: forceplan/v1
        name: lift-limited
        assumptions: {us-backstop: true}
        capabilities:
          inf: {domain: land, personnel: 100}
        locations:
          front: {tags: [ukraine]}
        nations:
          a: {pledges: [{capability: inf, units: 20, cost: 1}]}
          usa: {name: United States}
        requirements:
          - {id: r, needs: inf, units: 20, at: [front]}
        timeline:
          milestones: [7, 14]
          lift:
            - {id: airlift, personnel_per_day: 100}
        """

    /// Reception limits rzeszow (30 a day); jets deploy themselves; trainers at home need
    /// no lift; lift 40 a day; milestones D+10 and D+20.
    public static let reception = """
            format: forceplan/v1
            name: reception
            capabilities:
              inf: {domain: land, personnel: 100}
              jet: {domain: air, personnel: 10}
              trainer: {domain: support, personnel: 50}
            locations:
              rzeszow: {tags: [neighbor], reception_per_day: 30}
              home: {tags: [remote], needs_lift: false}
            nations:
              a:
                pledges:
                  - {capability: inf, units: 8, cost: 1}
                  - {capability: jet, units: 4, cost: 1}
                  - {capability: trainer, units: 3, cost: 1}
            requirements:
              - {id: land, needs: inf, units: 8, at: [rzeszow]}
              - {id: air, needs: jet, units: 4, at: [rzeszow]}
              - {id: training, needs: trainer, units: 3, at: [home]}
            timeline:
              milestones: [10, 20]
              lift:
                - {id: airlift, personnel_per_day: 40}
            """

    /// A pledge ready after the first milestone: a's 4 jets (cost 1) are ready on day 10,
    /// b's 4 (cost 5) now; 4 jets wanted at poland; milestones D+7 and D+14. Options may be
    /// appended.
    public static let lateReady = header + """
        nations:
          a: {pledges: [{capability: jet, units: 4, cost: 1, ready_days: 10}]}
          b: {pledges: [{capability: jet, units: 4, cost: 5}]}
        requirements:
          - {id: air, needs: jet, units: 4, at: [poland]}
        timeline:
          milestones: [7, 14]

        """

    /// The shared header (``header``), for the CLI target.
    public static var header: String { ForcePlanTestSupport.header }
}
