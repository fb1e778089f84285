import ForceScenario
import ForcePlanner

extension JSONReport {
    /// `"buildup": {"milestones": [{"day", "coverage", "requirements", "lift_used",
    /// "lift_capacity", "lift_full", "arrivals", "reception"}], "full_strength",
    /// "after_last", "after_last_by_nation", "pools"}` (docs/plan.schema.json).
    static func buildupValue(_ b: Buildup) -> JSONValue {
        func arrivals(_ list: [NationArrival]) -> JSONValue {
            .array(list.map { a in
                .object([("nation", .string(a.nation)), ("units", .number(Double(a.units))),
                         ("personnel", .number(a.personnel))])
            })
        }
        return .object([
            ("milestones", .array(b.milestones.map { m in
                .object([
                    ("day", .number(Double(m.day))),
                    ("coverage", .number(m.coverage)),
                    ("requirements", .object(m.requirements.map { ($0.requirement, .number($0.fraction)) })),
                    ("lift_used", .number(m.liftUsed)),
                    ("lift_capacity", .number(m.liftCapacity)),
                    ("lift_full", .bool(m.liftFull)),
                    ("arrivals", arrivals(m.arrivals)),
                    ("reception", .array(m.reception.map { r in
                        .object([("location", .string(r.location)), ("used", .number(r.used)),
                                 ("capacity", .number(r.capacity)), ("full", .bool(r.full))])
                    })),
                ])
            })),
            ("full_strength", .number(b.fullStrength)),
            ("after_last", .number(Double(b.afterLast))),
            ("after_last_by_nation", arrivals(b.afterLastByNation)),
            ("pools", .array(b.pools.map(JSONValue.string))),
        ])
    }
}
