/// The sections of `forceplan/v1`, in the order their ids are needed: whatever the order
/// in the file, definitions are read before the references to them.
extension ScenarioDecoder {
    static let topKeys = ["format", "name", "description", "assumptions", "capabilities", "locations",
                          "nations", "requirements", "policies", "objectives", "options", "alternatives"]
    static let capabilityKeys = ["domain", "personnel", "rotation"]
    static let locationKeys = ["name", "tags", "capacity", "host"]
    static let capacityKeys = ["personnel"] + Domain.allCases.map(\.rawValue)
    static let nationKeys = ["name", "groups", "budget", "funds", "reliability", "caveats", "hosts", "pledges"]
    static let caveatKeys = ["domain", "tag"]
    static let pledgeKeys = ["id", "capability", "units", "cost", "ready_days", "locations", "when"]
    static let requirementKeys = ["id", "name", "needs", "units", "at", "weight", "within_days", "min_nations"]
    static let policyKeys = ["max_personnel_in", "max_nation_share", "min_nations", "total_budget"]
    static let optionKeys = ["id", "name", "assumptions", "policies", "objectives", "exclude_nations"]
    static let alternativesKeys = ["count", "within"]
    package static let format = "forceplan/v1"

    /// The scenario, or nil when the file is not even a mapping; check ``diagnostics``.
    func decode(_ root: YAMLNode) -> Scenario? {
        guard case .mapping = root.content else {
            error(root, "expected a mapping at the top of the file, found \(describe(root)); a scenario starts with 'format: forceplan/v1' and 'name: ...'")
            return nil
        }
        guard let top = fields(root, "scenario", allowed: Self.topKeys, required: ["format", "name"]) else { return nil }
        if let node = top["format"], let format = text(node, "format"), format != Self.format {
            error(node, "unsupported format '\(format)'; expected '\(Self.format)'")
        }
        var scenario = Scenario(name: top["name"].flatMap { text($0, "scenario name") } ?? "", file: file)
        if let node = top["description"] { scenario.description = text(node, "description") ?? "" }
        scenario.assumptions = top["assumptions"].map(assumptions) ?? []
        scenario.capabilities = top["capabilities"].map(capabilities) ?? []
        scenario.locations = top["locations"].map(locations) ?? []
        scenario.nations = top["nations"].map(nations) ?? []
        resolveHosts(&scenario, top)
        scenario.requirements = top["requirements"].map(requirements) ?? []
        if let node = top["policies"] { scenario.policies = policies(node, "policies") }
        if let node = top["objectives"], let list = objectives(node) { scenario.objectives = list }
        scenario.options = top["options"].map(options) ?? []
        if let node = top["alternatives"] { scenario.alternatives = alternatives(node) }
        if errorCount == 0 { warnUnservable(scenario) }
        return scenario
    }

    func assumptions(_ node: YAMLNode) -> [Assumption] {
        guard let entries = idMap(node, "assumption", section: "assumptions", example: "{us-backstop: true}") else {
            unchecked.insert(.assumption)
            return []
        }
        assumptionNames = NameList(entries.map(\.id))
        return entries.compactMap { entry in
            bool(entry.value, "assumption '\(entry.id)'").map { Assumption(name: entry.id, value: $0) }
        }
    }

    func capabilities(_ node: YAMLNode) -> [Capability] {
        guard let entries = idMap(node, "capability", section: "capabilities",
                                  example: "{fighter: {domain: air, personnel: 20}}") else {
            unchecked.insert(.capability)
            return []
        }
        var result: [Capability] = []
        for (id, key, value) in entries {
            let what = "capability '\(id)'"
            let f = fields(value, what, allowed: Self.capabilityKeys, required: ["domain"],
                           example: "{domain: land, personnel: 650, rotation: 3}")
            let domain = f?["domain"].flatMap { self.domain($0, "\(what) domain") }
            capabilityIDs.insert(id)
            guard let f, let domain else { continue }
            var capability = Capability(id: id, domain: domain, source: key.location)
            if let n = f["personnel"], let v = number(n, "\(what) personnel", .nonNegative) { capability.personnel = v }
            if let n = f["rotation"], let v = number(n, "\(what) rotation", .atLeastOne) { capability.rotation = v }
            result.append(capability)
        }
        return result
    }

    func locations(_ node: YAMLNode) -> [Location] {
        guard let entries = idMap(node, "location", section: "locations",
                                  example: "{poland: {tags: [neighbor], capacity: {personnel: 10000}}}") else {
            unchecked.insert(.locationOrTag)
            return []
        }
        locationIDs = NameList(entries.map(\.id))
        var result: [Location] = []
        var tagNodes: [YAMLNode] = []
        for (id, key, value) in entries {
            let what = "location '\(id)'"
            guard let f = fields(value, what, allowed: Self.locationKeys,
                                 example: "{name: Poland, tags: [neighbor], capacity: {personnel: 10000, air: 48}}")
            else {
                tagsIncomplete = true
                continue
            }
            var location = Location(id: id, source: key.location)
            if let n = f["name"], let name = text(n, "\(what) name") { location.name = name }
            if let n = f["tags"] {
                let items = list(n, "\(what) tags", example: "[ukraine, east]")
                if items == nil { tagsIncomplete = true }
                var seen: Set<String> = []
                for item in items ?? [] {
                    guard let tag = slug(item, "tag") else {
                        if case .scalar(let name, _) = item.content { tolerated.insert(name) }
                        continue
                    }
                    if !seen.insert(tag).inserted {
                        error(item, "tag '\(tag)' is listed twice in \(what); list it once")
                        continue
                    }
                    location.tags.append(tag)
                    tagNodes.append(item)
                    tags.insert(tag)
                }
            }
            if let n = f["capacity"], let c = fields(n, "\(what) capacity", allowed: Self.capacityKeys,
                                                     example: "{personnel: 10000, air: 48}") {
                for (name, _, value) in c.entries {
                    guard let units = number(value, "\(what) capacity '\(name)'", .nonNegative) else { continue }
                    if let domain = Domain(rawValue: name) {
                        location.domainCapacity.append(DomainCapacity(domain: domain, units: units))
                    } else {
                        location.personnelCapacity = units
                    }
                }
            }
            result.append(location)
        }
        // A name that is both would make `at: [x]` ambiguous.
        for node in tagNodes {
            if case .scalar(let tag, _) = node.content, locationIDs.contains(tag) {
                error(node, "tag '\(tag)' is also a location id; rename the tag (e.g. '\(tag)-area') so that ids and tags stay distinct")
            }
        }
        return result
    }

    func nations(_ node: YAMLNode) -> [Nation] {
        guard let entries = idMap(node, "nation", section: "nations",
                                  example: "{uk: {name: United Kingdom, pledges: [...]}}") else {
            unchecked.insert(.nation)
            return []
        }
        nationIDs = NameList(entries.map(\.id))
        var result: [Nation] = []
        for (id, key, value) in entries {
            let what = "nation '\(id)'"
            guard let f = fields(value, what, allowed: Self.nationKeys,
                                 example: "{name: United Kingdom, groups: [nato], pledges: [{capability: fighter, units: 12}]}")
            else {
                groupsIncomplete = true
                continue
            }
            var nation = Nation(id: id, source: key.location)
            if let n = f["name"], let name = text(n, "\(what) name") { nation.name = name }
            if let n = f["groups"] {
                let items = list(n, "\(what) groups", example: "[nato, lead]")
                if items == nil { groupsIncomplete = true }
                for item in items ?? [] {
                    guard let group = slug(item, "group") else {
                        if case .scalar(let name, _) = item.content { tolerated.insert(name) }
                        continue
                    }
                    if nation.groups.contains(group) {
                        error(item, "group '\(group)' is listed twice in \(what); list it once")
                        continue
                    }
                    nation.groups.append(group)
                    groups.insert(group)
                }
            }
            if let n = f["budget"], let v = number(n, "\(what) budget", .nonNegative) { nation.budget = v }
            if let n = f["funds"], let v = number(n, "\(what) funds", .nonNegative) { nation.funds = v }
            if let n = f["reliability"], let v = number(n, "\(what) reliability", .probability) { nation.reliability = v }
            if let n = f["caveats"], let items = list(n, "\(what) caveats", example: "[{domain: land, tag: ukraine}]") {
                nation.caveats = items.compactMap(caveat)
            }
            if let n = f["pledges"], let items = list(n, "\(what) pledges", example: "[{capability: fighter, units: 12, cost: 8}]") {
                nation.pledges = items.compactMap { pledge($0, nation: id) }
                checkPledgeIDs(items, nation: id)
            }
            result.append(nation)
        }
        return result
    }

    func caveat(_ node: YAMLNode) -> Caveat? {
        guard let f = fields(node, "caveat", allowed: Self.caveatKeys, required: Self.caveatKeys,
                             example: "{domain: land, tag: ukraine}") else { return nil }
        let domain = f["domain"].flatMap { self.domain($0, "caveat domain") }
        let tag = f["tag"].flatMap { reference($0, .tag, usage: "caveat tag") }
        guard let domain, let tag else { return nil }
        return Caveat(domain: domain, tag: tag, source: node.location)
    }

    func pledge(_ node: YAMLNode, nation: String) -> Pledge? {
        guard let f = fields(node, "pledge", allowed: Self.pledgeKeys, required: ["capability", "units"],
                             example: "{capability: fighter, units: 12, cost: 8}") else { return nil }
        let capability = f["capability"].flatMap { reference($0, .capability, usage: "pledge capability") }
        let units = f["units"].flatMap { number($0, "pledge units", .wholeNonNegative) }
        var pledge = Pledge(nation: nation, capability: capability ?? "", units: units ?? 0, source: node.location)
        if let n = f["id"] { pledge.id = slug(n, "pledge id") }
        if let n = f["cost"], let v = number(n, "pledge cost", .nonNegative) { pledge.cost = v }
        if let n = f["ready_days"], let v = number(n, "pledge ready_days", .nonNegative) { pledge.readyDays = v }
        if let n = f["locations"] {
            var empty = n.isNull
            if case .sequence(let entries) = n.content { empty = entries.isEmpty }
            if empty {
                // An empty list would mean "nowhere", never what a planner meant.
                error(n, "pledge locations is empty; list location ids or tags, or leave the key out to allow anywhere")
            } else {
                pledge.locations = references(n, .locationOrTag, usage: "pledge locations", example: "[poland, neighbor]")
            }
        }
        if let n = f["when"] {
            if case .sequence = n.content {
                pledge.when = references(n, .assumption, usage: "pledge when", example: "[us-backstop]") ?? []
            } else {
                pledge.when = reference(n, .assumption, usage: "pledge when").map { [$0] } ?? []
            }
        }
        guard capability != nil, units != nil else { return nil }
        return pledge
    }

    func requirements(_ node: YAMLNode) -> [Requirement] {
        guard let items = list(node, "requirements", example: "- {id: air-policing, needs: fighter, units: 24, at: [poland]}")
        else { return [] }
        var seen: [String: YAMLNode] = [:]
        var result: [Requirement] = []
        for item in items {
            guard let f = fields(item, "requirement", allowed: Self.requirementKeys, required: ["id", "needs", "units", "at"],
                                 example: "{id: air-policing, needs: fighter, units: 24, at: [poland]}") else { continue }
            var id: String?
            if let n = f["id"], let s = slug(n, "requirement id") {
                if let first = seen[s] {
                    error(n, "duplicate requirement id '\(s)' (first defined at \(position(first))); ids must be unique")
                } else {
                    seen[s] = n
                    id = s
                }
            }
            let what = id.map { "requirement '\($0)'" } ?? "requirement"
            let needs = f["needs"].flatMap { self.needs($0, what) }
            let units = f["units"].flatMap { number($0, "\(what) units", .wholeNonNegative) }
            var at: [String]?
            if let n = f["at"] {
                var empty = n.isNull
                if case .sequence(let entries) = n.content { empty = entries.isEmpty }
                if empty {
                    error(n, "\(what) at is empty; name at least one location id or tag, e.g. at: [ukraine-west]")
                } else {
                    at = references(n, .locationOrTag, usage: "\(what) at", example: "[ukraine-west, neighbor]")
                }
            }
            var requirement = Requirement(id: id ?? "", needs: needs ?? [], units: units ?? 0, at: at ?? [],
                                          source: item.location)
            if let n = f["name"], let name = text(n, "\(what) name") { requirement.name = name } else { requirement.name = requirement.id }
            if let n = f["weight"], let v = number(n, "\(what) weight", .positive) { requirement.weight = v }
            if let n = f["within_days"], let v = number(n, "\(what) within_days", .nonNegative) { requirement.withinDays = v }
            if let n = f["min_nations"], let v = integer(n, "\(what) min_nations", .wholeNonNegative) { requirement.minNations = v }
            if id != nil, needs != nil, units != nil, at != nil { result.append(requirement) }
        }
        return result
    }

    /// `needs: fighter` or `needs: {fighter: 1, fighter-legacy: 0.5}`.
    func needs(_ node: YAMLNode, _ what: String) -> [NeedFactor]? {
        switch node.content {
        case .scalar where !node.isNull:
            return reference(node, .capability, usage: "\(what) needs").map { [NeedFactor(capability: $0)] }
        case .mapping(let pairs):
            if pairs.isEmpty {
                error(node, "\(what) needs is empty; name a capability, e.g. needs: fighter")
                return nil
            }
            var result: [NeedFactor] = []
            var seen: [String: YAMLNode] = [:]
            var ok = true
            for pair in pairs {
                guard let capability = reference(pair.key, .capability, usage: "\(what) needs") else { ok = false; continue }
                if let first = seen[capability] {
                    error(pair.key, "duplicate key '\(capability)' in \(what) needs (first at \(position(first))); give each capability once")
                    ok = false
                    continue
                }
                seen[capability] = pair.key
                guard let factor = number(pair.value, "\(what) needs factor for '\(capability)'", .positive) else { ok = false; continue }
                result.append(NeedFactor(capability: capability, factor: factor))
            }
            return ok ? result : nil
        default:
            error(node, "expected a capability id or a mapping of capability to factor for \(what) needs, found \(describe(node)); write e.g. needs: fighter, or needs: {fighter: 1, fighter-legacy: 0.5}")
            return nil
        }
    }

    func policies(_ node: YAMLNode, _ what: String) -> Policies {
        var result = Policies()
        guard let f = fields(node, what, allowed: Self.policyKeys,
                             example: "{max_personnel_in: {ukraine: 30000}, max_nation_share: 0.4}") else { return result }
        if let n = f["max_personnel_in"],
           let c = fields(n, "max_personnel_in", allowed: tags.names, example: "{ukraine: 30000}",
                          unknownKey: { [self] key in reference(key, .tag, usage: "max_personnel_in") }) {
            for (tag, _, value) in c.entries {
                if let v = number(value, "max_personnel_in '\(tag)'", .nonNegative) {
                    result.maxPersonnelIn.append(PersonnelCeiling(tag: tag, personnel: v))
                }
            }
        }
        if let n = f["max_nation_share"], let v = number(n, "max_nation_share", .share) { result.maxNationShare = v }
        if let n = f["min_nations"], let v = integer(n, "min_nations", .wholeNonNegative) { result.minNations = v }
        if let n = f["total_budget"], let v = number(n, "total_budget", .nonNegative) { result.totalBudget = v }
        return result
    }

    static let objectiveForms = "coverage, cost, personnel, nations, personnel-in:TAG, dependence:ID"

    func objectives(_ node: YAMLNode) -> [ObjectiveSpec]? {
        guard let items = list(node, "objectives", example: "[coverage, cost]") else { return nil }
        if items.isEmpty {
            error(node, "objectives is empty; list at least one, e.g. [coverage, cost]")
            return nil
        }
        var result: [ObjectiveSpec] = []
        var seen: [ObjectiveSpec: YAMLNode] = [:]
        for item in items {
            guard let name = text(item, "objective") else { continue }
            guard let objective = ObjectiveSpec(name: name) else {
                var message = "unknown objective '\(name)'"
                let plain = ["coverage", "cost", "personnel", "nations", "personnel-in:", "dependence:"]
                if let near = Suggestions.nearest(to: name, in: plain) { message += "; did you mean '\(near)'?" }
                error(item, message + " (allowed: \(Self.objectiveForms))")
                continue
            }
            switch objective {
            case .personnelIn(let tag):
                guard checkObjectiveReference(item, tag, .tag, prefix: "personnel-in:") else { continue }
            case .dependence(let id):
                guard checkObjectiveReference(item, id, .nationOrGroup, prefix: "dependence:") else { continue }
            default: break
            }
            if let first = seen[objective] {
                error(item, "objective '\(name)' is listed twice (first at \(position(first))); list it once")
                continue
            }
            seen[objective] = item
            result.append(objective)
        }
        return result.count == items.count ? result : nil
    }

    private func checkObjectiveReference(_ node: YAMLNode, _ name: String, _ kind: ReferenceKind, prefix: String) -> Bool {
        let isChecked = kind == .tag ? !unchecked.contains(.locationOrTag) : !unchecked.contains(.nation)
        if !isChecked || isKnown(name, kind) || tolerated.contains(name) || (incomplete(kind) && !locationIDs.contains(name)) {
            return true
        }
        let candidates = known(kind)
        if let message = removedMessage(name, kind, usage: "objective '\(prefix)\(name)'") {
            error(node, message)
        } else if kind == .tag, locationIDs.contains(name) {
            error(node, "'\(name)' in '\(prefix)\(name)' is a location id, not a tag; personnel-in takes a location tag (tags: \(Suggestions.list(tags.names)))")
        } else {
            var message = "unknown \(kind.noun) '\(name)' in objective '\(prefix)\(name)'"
            if let near = Suggestions.nearest(to: name, in: candidates) { message += "; did you mean '\(prefix)\(near)'?" }
            else if !candidates.isEmpty { message += "; known: \(Suggestions.list(candidates))" }
            error(node, message)
        }
        return false
    }

    func options(_ node: YAMLNode) -> [Option] {
        guard let items = list(node, "options", example: "- {id: a, name: Reassurance force}") else { return [] }
        var seen: [String: YAMLNode] = [:]
        var result: [Option] = []
        for item in items {
            guard let f = fields(item, "option", allowed: Self.optionKeys, required: ["id"],
                                 example: "{id: b, name: Over the horizon, policies: {max_personnel_in: {ukraine: 0}}}")
            else { continue }
            var id: String?
            if let n = f["id"], let s = slug(n, "option id") {
                if let first = seen[s] {
                    error(n, "duplicate option id '\(s)' (first defined at \(position(first))); ids must be unique")
                } else {
                    seen[s] = n
                    id = s
                }
            }
            let what = id.map { "option '\($0)'" } ?? "option"
            var option = Option(id: id ?? "", source: item.location)
            if let n = f["name"], let name = text(n, "\(what) name") { option.name = name }
            if let n = f["assumptions"],
               let a = fields(n, "\(what) assumptions", allowed: assumptionNames.names, example: "{us-backstop: false}",
                              unknownKey: { [self] key in reference(key, .assumption, usage: "\(what) assumptions") }) {
                option.assumptions = a.entries.compactMap { name, _, value in
                    bool(value, "assumption '\(name)'").map { Assumption(name: name, value: $0) }
                }
            }
            if let n = f["policies"] { option.policies = policies(n, "\(what) policies") }
            if let n = f["objectives"] { option.objectives = objectives(n) }
            if let n = f["exclude_nations"] {
                option.excludeNations = references(n, .nation, usage: "\(what) exclude_nations", example: "[uk, france]")
            }
            if id != nil { result.append(option) }
        }
        return result
    }

    func alternatives(_ node: YAMLNode) -> AlternativesSpec {
        var result = AlternativesSpec()
        guard let f = fields(node, "alternatives", allowed: Self.alternativesKeys, example: "{count: 2, within: 0.05}")
        else { return result }
        if let n = f["count"], let v = integer(n, "alternatives count", .wholeNonNegative) { result.count = v }
        if let n = f["within"], let v = number(n, "alternatives within", .nonNegative) { result.within = v }
        return result
    }
}
