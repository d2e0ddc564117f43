/// The block structure of a Markdown document as cmark-gfm parsed it, flattened into an array so that
/// any depth of nesting can be walked, copied and freed without recursion.
///
/// Inline content is folded into the text of the block that holds it: soft and hard breaks become `\n`,
/// code spans keep their literal, emphasis markers disappear.
struct MarkdownTree: Sendable {
    enum Kind: Hashable, Sendable {
        case document
        case heading(level: Int)
        case paragraph
        case list(ordered: Bool)
        /// A list item; `task` is set for GFM task-list items (`true` when checked).
        case item(task: Bool?)
        case blockQuote
        case codeBlock
        case htmlBlock
        case thematicBreak
        case table
        case tableRow(header: Bool)
        case tableCell
        case other
    }

    struct Node: Sendable {
        var kind: Kind
        /// Index of the parent node, -1 for the document.
        var parent: Int
        var firstChild: Int = -1
        var nextSibling: Int = -1
        /// cmark-gfm's 1-based lines and byte columns.
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        /// Inline text (headings, paragraphs, table cells) or the literal (code and HTML blocks).
        var text: String = ""
        /// Number of container ancestors (lists and block quotes).
        var depth: Int
    }

    var nodes: [Node]

    /// Indices of the children of `index`, in order.
    func children(of index: Int) -> [Int] {
        var out: [Int] = []
        var child = nodes[index].firstChild
        while child >= 0 {
            out.append(child)
            child = nodes[child].nextSibling
        }
        return out
    }

    /// Number of GFM task-list items, checked and all, exactly as cmark-gfm's tasklist extension counts.
    var gfmTaskCounts: (total: Int, checked: Int) {
        var total = 0
        var checked = 0
        for node in nodes {
            if case .item(let task?) = node.kind {
                total += 1
                if task { checked += 1 }
            }
        }
        return (total, checked)
    }
}
