/// `timeline:`, `cost_unit:` and the lift fields of capabilities and locations
/// (docs/model.md, "Time: the build-up to D+N").
extension ScenarioDecoder {
    static let timelineKeys = ["milestones", "lift"]
    static let liftKeys = ["id", "personnel_per_day", "when", "nation"]

    /// Reads `timeline` and `cost_unit` from the top-level fields (after nations and
    /// assumptions, before requirements and objectives, which may name milestones).
    func decodeTimeline(_ top: Fields, into scenario: inout Scenario) {
        if let n = top["cost_unit"], let unit = text(n, "cost_unit") { scenario.costUnit = unit }
        guard let node = top["timeline"] else { return }
        scenario.timeline = timeline(node)
        if scenario.timeline == nil { timelineBroken = true }
    }

    func timeline(_ node: YAMLNode) -> Timeline? {
        guard let f = fields(node, "timeline", allowed: Self.timelineKeys, required: ["milestones"],
                             example: "{milestones: [7, 14, 30], lift: [{id: airlift, personnel_per_day: 800}]}")
        else { return nil }
        guard let mNode = f["milestones"],
              let items = list(mNode, "timeline milestones", example: "[7, 14, 30]") else { return nil }
        if items.isEmpty {
            error(mNode, "timeline milestones is empty; list the days after the decision to report on, e.g. [7, 14, 30]")
            return nil
        }
        var milestones: [Int] = []
        var ok = true
        for item in items {
            guard let day = integer(item, "timeline milestone", NumberRule(whole: true, test: { $0 >= 1 },
                                                                            text: "a whole number of days >= 1"))
            else { ok = false; continue }
            if let last = milestones.last, day <= last {
                let all = items.compactMap { item -> Int? in
                    guard case .scalar(let s, .plain) = item.content, let v = Int(s), v >= 1 else { return nil }
                    return v
                }
                let unique = Array(Set(all)).sorted()
                error(item, "timeline milestone \(day) is not after \(last); milestones are ascending days, each once "
                    + "(e.g. [\(unique.map(String.init).joined(separator: ", "))])")
                ok = false
                continue
            }
            milestones.append(day)
        }
        var timeline = Timeline(milestones: milestones, source: node.location)
        if let n = f["lift"], let pools = list(n, "timeline lift", example: "- {id: airlift, personnel_per_day: 800}") {
            var seen: [String: YAMLNode] = [:]
            for item in pools {
                guard let pool = liftPool(item) else { ok = false; continue }
                if let first = seen[pool.id] {
                    error(item, "duplicate lift pool id '\(pool.id)' (first defined at \(position(first))); ids must be unique")
                    ok = false
                    continue
                }
                seen[pool.id] = item
                timeline.lift.append(pool)
            }
        }
        guard ok else { return nil }
        milestonesRead = milestones
        return timeline
    }

    func liftPool(_ node: YAMLNode) -> LiftPool? {
        guard let f = fields(node, "lift pool", allowed: Self.liftKeys, required: ["id", "personnel_per_day"],
                             example: "{id: european-airlift, personnel_per_day: 800}") else { return nil }
        let id = f["id"].flatMap { slug($0, "lift pool id") }
        let what = id.map { "lift pool '\($0)'" } ?? "lift pool"
        let rate = f["personnel_per_day"].flatMap { number($0, "\(what) personnel_per_day", .nonNegative) }
        var pool = LiftPool(id: id ?? "", personnelPerDay: rate ?? 0, source: node.location)
        var ok = id != nil && rate != nil
        if let n = f["when"] {
            let names: [String]?
            if case .sequence = n.content {
                names = references(n, .assumption, usage: "\(what) when", example: "[us-backstop]")
            } else {
                names = reference(n, .assumption, usage: "\(what) when").map { [$0] }
            }
            if let names { pool.when = names } else { ok = false }
        }
        if let n = f["nation"] {
            if let nation = reference(n, .nation, usage: "\(what) nation") { pool.nation = nation } else { ok = false }
        }
        return ok ? pool : nil
    }

    /// `needs_lift` and `reception_per_day` of a location.
    func decodeLift(_ f: Fields, _ what: String, into location: inout Location) {
        if let n = f["needs_lift"], let v = bool(n, "\(what) needs_lift") { location.needsLift = v }
        if let n = f["reception_per_day"], let v = number(n, "\(what) reception_per_day", .nonNegative) {
            location.receptionPerDay = v
        }
    }

    /// `coverage-by:D` names a milestone; `buildup` needs a timeline.
    func checkTimedObjective(_ node: YAMLNode, _ objective: ObjectiveSpec) -> Bool {
        if timelineBroken { return true }
        guard let milestones = milestonesRead else {
            error(node, "objective '\(objective)' needs a timeline; add e.g. timeline: {milestones: [7, 14, 30]}")
            return false
        }
        if case .coverageBy(let day) = objective, !milestones.contains(day) {
            error(node, "objective '\(objective)': D+\(day) is not a milestone; "
                + "use one of \(milestones.map { "coverage-by:\($0)" }.joined(separator: ", ")) or add \(day) to timeline milestones")
            return false
        }
        return true
    }
}
