internal import CYaml

/// libyaml's event parser, read directly (the C library Yams is built on; its pointers stay in this file):
/// the nodes a YAML or JSON text holds are counted before Yams builds them, so a file of millions of tiny
/// scalars (`[1,1,1,…]`) is refused in constant memory instead of taking gigabytes to compose.
enum YAMLEvents {
    /// The nodes `text` holds as written — scalars, sequences, mappings, each alias as one — counting stops
    /// once it passes `limit`. Nil when libyaml cannot read the text (composing it then reports why).
    static func count(_ text: String, limit: Int) -> Int? {
        var utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return 0 }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return utf8.withUnsafeMutableBufferPointer { buffer -> Int? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var nodes = 0
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                let type = event.type
                yaml_event_delete(&event)
                switch type {
                case YAML_SCALAR_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT, YAML_ALIAS_EVENT:
                    nodes += 1
                    if nodes > limit { return nodes }
                case YAML_STREAM_END_EVENT:
                    return nodes
                default:
                    continue
                }
            }
        }
    }
}
