/// The build-up to D+N (docs/model.md, "Time"): milestones after the decision day and the
/// strategic lift that moves forces to them.
///
/// ```yaml
/// timeline:
///   milestones: [7, 14, 30]
///   lift:
///     - {id: european-airlift, personnel_per_day: 800}
///     - {id: us-airlift, personnel_per_day: 1500, when: us-backstop, nation: usa}
/// ```
public struct Timeline: Sendable, Hashable {
    /// Days after the decision, ascending whole numbers >= 1.
    public var milestones: [Int]
    /// Strategic lift pools, in file order.
    public var lift: [LiftPool]
    public var source: SourceLocation?

    public init(milestones: [Int], lift: [LiftPool] = [], source: SourceLocation? = nil) {
        self.milestones = milestones
        self.lift = lift
        self.source = source
    }

    /// Period `k` (0-based) is the days `(m_{k-1}, m_k]` with `m_{-1} = 0`: its length.
    public func periodLength(_ k: Int) -> Int {
        guard milestones.indices.contains(k) else { return 0 }
        return milestones[k] - (k > 0 ? milestones[k - 1] : 0)
    }

    /// "D+0-7", "D+7-14": the days of period `k` (0-based).
    public func periodName(_ k: Int) -> String {
        guard milestones.indices.contains(k) else { return "after D+\(milestones.last ?? 0)" }
        return "D+\(k > 0 ? milestones[k - 1] : 0)-\(milestones[k])"
    }
}

/// A strategic lift pool: personnel moved per day, when its assumptions hold and its
/// nation (if any) takes part.
public struct LiftPool: Sendable, Hashable {
    public var id: String
    public var personnelPerDay: Double
    /// Assumptions that must all hold for the pool to fly.
    public var when: [String]
    /// The nation whose pool it is; a pool leaves with its nation (`--drop usa`).
    public var nation: String?
    public var source: SourceLocation?

    public init(id: String, personnelPerDay: Double, when: [String] = [], nation: String? = nil,
                source: SourceLocation? = nil) {
        self.id = id
        self.personnelPerDay = personnelPerDay
        self.when = when
        self.nation = nation
        self.source = source
    }
}

extension Capability {
    /// True when units move by their own means (`self_deploys`; default true for air and sea).
    public var deploysItself: Bool { selfDeploys ?? (domain == .air || domain == .sea) }
}
