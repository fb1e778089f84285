/// Whose forces a nation accepts on the locations it hosts (`hosts: all | none | [ids]`,
/// DESIGN.md "Host nations").
public enum HostPolicy: Sendable, Hashable, CustomStringConvertible {
    /// Every nation's forces (the default).
    case all
    /// Only its own forces.
    case none
    /// Its own forces and those of the listed nations or groups (in file order).
    case only([String])

    /// `all`, `none` or `[a, b]`, as written in a scenario file.
    public var description: String {
        switch self {
        case .all: return "all"
        case .none: return "none"
        case .only(let ids): return "[" + ids.joined(separator: ", ") + "]"
        }
    }

    /// Whether a host with this policy accepts `nation` (with its `groups`) on its
    /// territory; a host always accepts itself.
    public func accepts(_ nation: String, groups: [String], host: String) -> Bool {
        if nation == host { return true }
        switch self {
        case .all: return true
        case .none: return false
        case .only(let ids): return ids.contains(nation) || groups.contains { ids.contains($0) }
        }
    }
}
