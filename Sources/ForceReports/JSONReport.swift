import ForceScenario
import ForcePlanner

/// `plan --format json`: docs/model.md's contract, one object for the whole scenario.
///
/// ```json
/// {"scenario": "...", "options": [{"id", "name", "status", "objectives", "coverage",
///   "assignments", "personnel": {"total", "by_tag"}, "cost", "alternatives"}]}
/// ```
/// Infeasible options add `conflicts`; options stopped early add `gap` (null when no
/// bound is known) and a `message` naming the limit that stopped them (docs/statuses.md);
/// plans of a scenario with funds add `"fund": {"available", "used", "paid": {nation:
/// amount}}` (see ``FundUse`` for which of the possible payments is shown). A scenario
/// with hosts that restrict foreign forces adds `restricting_hosts`. Options whose
/// alternatives were searched for add `alternatives_found`, and `alternatives_missing`
/// (`count`, `reason`, `proven`) when fewer were found than asked. Nothing in it depends
/// on timing, so the same input gives the same bytes (when a search stops by wall clock,
/// where it stopped does).
public enum JSONReport {
    public static func render(_ report: PlanReport) -> String {
        value(report).rendered() + "\n"
    }

    public static func value(_ report: PlanReport) -> JSONValue {
        .object([
            ("scenario", .string(report.scenario.name)),
        ] + (report.scenario.costUnit.map { [("cost_unit", JSONValue.string($0))] } ?? [])
          + restrictingHosts(report.scenario) + [
            ("options", .array(report.options.map(option))),
        ])
    }

    /// `"restricting_hosts": [{"nation": "poland", "hosts": "none"}]`: the hosts that keep
    /// some nation's forces off the locations they host (``Scenario/restrictingHosts``), with
    /// whose forces they accept (`"none"`, or the listed nations and groups); nothing when
    /// no host restricts anyone.
    static func restrictingHosts(_ scenario: Scenario) -> [(String, JSONValue)] {
        let hosts = scenario.restrictingHosts
        guard !hosts.isEmpty else { return [] }
        return [("restricting_hosts", .array(hosts.map { n in
            // A restricting host accepts only its own forces ("none") or the listed ones.
            var accepts = JSONValue.string(n.hosts.description)
            if case .only(let ids) = n.hosts { accepts = .array(ids.map(JSONValue.string)) }
            return .object([("nation", .string(n.id)), ("hosts", accepts)])
        }))]
    }

    static func option(_ r: OptionResult) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(r.option.id)),
            ("name", .string(r.option.name)),
            ("status", .string(r.status.rawValue)),
        ]
        pairs += planPairs(r.plan, objectives: r.option.objectives)
        if r.status == .feasible { pairs.append(("gap", r.gap.map(JSONValue.number) ?? .null)) }
        if r.status == .infeasible {
            pairs.append(("conflicts", .array(r.conflicts.map { c in
                .object([("constraint", .string(c.constraint)), ("shortfall", .number(c.shortfall)),
                         ("message", .string(c.message))])
            })))
        }
        if !r.binding.isEmpty {
            pairs.append(("binding", .array(r.binding.map { b in
                .object([("constraint", .string(b.constraint)), ("improvement", .number(b.improvement)),
                         ("message", .string(b.message))])
            })))
        }
        if r.status != .optimal && r.status != .infeasible, let m = r.message { pairs.append(("message", .string(m))) }
        pairs.append(("alternatives", .array(r.alternatives.map { alt in
            var p = planPairs(alt, objectives: r.option.objectives)
            p.append(("distance", .number(Double(alt.distance ?? 0))))
            p.append(("distance_proven", .bool(alt.distanceProven ?? false)))
            return .object(p)
        })))
        if r.alternativesRequested > 0 {
            pairs.append(("alternatives_found", .number(Double(r.alternatives.count))))
        }
        if let rel = r.reliability {
            func summary(_ s: ReliabilitySummary) -> JSONValue {
                .object([("mean", .number(s.mean)), ("p10", .number(s.p10)), ("p50", .number(s.p50)), ("p90", .number(s.p90))])
            }
            pairs.append(("reliability", .object([
                ("samples", .number(Double(rel.samples))), ("seed", .number(Double(rel.seed))),
                ("as_planned", summary(rel.asPlanned)), ("replanned", summary(rel.replanned)),
                ("replans_without_plan", .number(Double(rel.replansWithoutPlan))),
            ])))
        }
        if let m = r.alternativesMissing {
            pairs.append(("alternatives_missing", .object([
                ("count", .number(Double(m.count))), ("reason", .string(m.reason)), ("proven", .bool(m.proven)),
            ])))
        }
        pairs += tradeoffPairs(r)
        return .object(pairs)
    }

    static func planPairs(_ plan: Plan?, objectives: [ObjectiveSpec]) -> [(String, JSONValue)] {
        guard let plan else {
            return [("objectives", .object([])), ("coverage", .object([])), ("assignments", .array([])),
                    ("personnel", .null), ("cost", .null)]
        }
        var pairs: [(String, JSONValue)] = [
            ("objectives", .object(plan.objectives.map { ($0.objective.description, .number($0.value)) })),
            ("coverage", .object(plan.coverage.map { ($0.requirement, .number($0.fraction)) })),
            ("assignments", .array(plan.assignments.map { a in
                .object([("nation", .string(a.nation)), ("capability", .string(a.capability)),
                         ("location", .string(a.location)), ("requirement", .string(a.requirement)),
                         ("units", .number(Double(a.units)))])
            })),
            ("personnel", .object([
                ("total", .number(plan.personnelTotal)),
                ("by_tag", .object(plan.personnelByTag.map { ($0.tag, .number($0.personnel)) })),
            ])),
            ("cost", .number(plan.cost)),
        ]
        if let fund = plan.fund {
            pairs.append(("fund", .object([
                ("available", .number(fund.available)),
                ("used", .number(fund.used)),
                ("paid", .object(fund.paid.map { ($0.nation, .number($0.amount)) })),
            ])))
        }
        pairs += resiliencePairs(plan)
        if let buildup = plan.buildup { pairs.append(("buildup", buildupValue(buildup))) }
        return pairs
    }
}
