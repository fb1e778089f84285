import Foundation

/// The part of JSON Schema that docs/plan.schema.json uses: type, enum, required,
/// properties, additionalProperties, items, minimum, maximum, allOf, $ref to #/$defs and
/// to another schema file by name (docs/whatif.schema.json's "plan.schema.json", looked up in
/// `documents`). Returns the paths that violate the schema (empty when valid).
public struct JSONSchemaCheck {
    public let root: [String: Any]
    /// Other schema files a `$ref` may name, by file name.
    public var documents: [String: [String: Any]] = [:]

    public init(root: [String: Any], documents: [String: [String: Any]] = [:]) {
        self.root = root
        self.documents = documents
    }

    public func errors(_ value: Any, _ schema: Any, path: String = "$") -> [String] {
        errors(value, schema, path: path, root: root)
    }

    private func errors(_ value: Any, _ schema: Any, path: String, root: [String: Any]) -> [String] {
        if let b = schema as? Bool { return b ? [] : ["\(path): not allowed"] }
        guard let s = schema as? [String: Any] else { return ["\(path): bad schema"] }
        var out: [String] = []
        if let ref = s["$ref"] as? String {
            if ref.hasPrefix("#/$defs/") {
                let name = String(ref.dropFirst("#/$defs/".count))
                guard let defs = root["$defs"] as? [String: Any], let target = defs[name] else { return ["\(path): unknown \(ref)"] }
                out += errors(value, target, path: path, root: root)
            } else {
                guard let document = documents[ref] else { return ["\(path): unknown \(ref)"] }
                out += errors(value, document, path: path, root: document)
            }
        }
        for sub in (s["allOf"] as? [Any]) ?? [] { out += errors(value, sub, path: path, root: root) }
        if let t = s["type"] {
            let types = (t as? [String]) ?? [(t as? String) ?? ""]
            if !types.contains(where: { matches(value, $0) }) { out.append("\(path): not of type \(types)") ; return out }
        }
        if let options = s["enum"] as? [String], !options.contains((value as? String) ?? "\u{0}") {
            out.append("\(path): \(value) not in \(options)")
        }
        if let n = value as? Double, !(value is Bool) {
            if let m = s["minimum"] as? Double, n < m { out.append("\(path): \(n) < \(m)") }
            if let m = s["maximum"] as? Double, n > m { out.append("\(path): \(n) > \(m)") }
        }
        if let obj = value as? [String: Any] {
            for key in (s["required"] as? [String]) ?? [] where obj[key] == nil { out.append("\(path): missing \(key)") }
            let props = (s["properties"] as? [String: Any]) ?? [:]
            for (key, v) in obj {
                if let p = props[key] {
                    out += errors(v, p, path: "\(path).\(key)", root: root)
                } else if let extra = s["additionalProperties"] {
                    out += errors(v, extra, path: "\(path).\(key)", root: root)
                }
            }
        }
        if let arr = value as? [Any], let items = s["items"] {
            for (i, v) in arr.enumerated() { out += errors(v, items, path: "\(path)[\(i)]", root: root) }
        }
        return out
    }

    private func matches(_ v: Any, _ type: String) -> Bool {
        switch type {
        case "object": return v is [String: Any]
        case "array": return v is [Any]
        case "string": return v is String
        case "null": return v is NSNull
        // JSONSerialization gives numbers and booleans as NSNumber; tell them apart by type.
        case "boolean": return v is Bool && Self.isBoolean(v)
        case "number": return v is NSNumber && !Self.isBoolean(v)
        case "integer":
            guard let n = v as? NSNumber, !Self.isBoolean(v) else { return false }
            return n.doubleValue == n.doubleValue.rounded()
        default: return false
        }
    }

    /// True for JSON `true`/`false` as JSONSerialization decodes them.
    static func isBoolean(_ v: Any) -> Bool {
        guard let n = v as? NSNumber else { return false }
        return String(cString: n.objCType) == "c" || type(of: n) == type(of: NSNumber(value: true))
    }
}
