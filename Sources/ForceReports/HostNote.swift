import ForceScenario
import ForcePlanner

/// The line a report gives when host nations keep some forces off their territory
/// (DESIGN.md, "Host nations"): "Hosts restricting foreign forces: poland (hosts: none)".
public enum HostNote {
    /// The line with its newline, or "" when no host restricts anyone.
    public static func line(_ scenario: Scenario) -> String {
        let hosts = scenario.restrictingHosts
        guard !hosts.isEmpty else { return "" }
        return "Hosts restricting foreign forces: "
            + hosts.map { "\($0.id) (hosts: \($0.hosts))" }.joined(separator: ", ") + "\n"
    }
}
