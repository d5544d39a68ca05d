import CLibXML2

/// The HTML element names the tree walker tells apart; any other element is `.other`. Deciding
/// this once per element, when the parser reports it, spares the walker a String and a set
/// lookup per node.
enum HTMLTag: UInt8, CaseIterable {
    case other
    case table, tr, td, th, caption, colgroup, col
    case br, input
    case head, script, style, template, title, noscript
    case h1, h2, h3, h4, h5, h6
    case p, div, li, ul, ol, dl, dt, dd, blockquote, pre, section, article, header, footer, main, nav,
         aside, center, form, fieldset, address, figure, figcaption, hr, html, body

    /// Elements whose content is never text of the document (`walk` skips them).
    var isSkipped: Bool {
        switch self {
        case .head, .script, .style, .template, .title, .noscript: true
        default: false
        }
    }

    /// Elements that end the paragraph before them and start a new one after them.
    var isBlock: Bool {
        switch self {
        case .p, .div, .li, .ul, .ol, .dl, .dt, .dd, .tr, .blockquote, .pre, .section, .article, .header,
             .footer, .main, .nav, .aside, .center, .form, .fieldset, .address, .figure, .figcaption, .hr,
             .html, .body, .caption: true
        default: false
        }
    }

    var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }

    /// Elements that break the line of a cell's text before and after them.
    var breaksLines: Bool { isBlock || headingLevel != nil }

    private static let byName: [String: HTMLTag] = [
        "table": .table, "tr": .tr, "td": .td, "th": .th, "caption": .caption, "colgroup": .colgroup, "col": .col,
        "br": .br, "input": .input, "head": .head, "script": .script, "style": .style, "template": .template,
        "title": .title, "noscript": .noscript, "h1": .h1, "h2": .h2, "h3": .h3, "h4": .h4, "h5": .h5, "h6": .h6,
        "p": .p, "div": .div, "li": .li, "ul": .ul, "ol": .ol, "dl": .dl, "dt": .dt, "dd": .dd,
        "blockquote": .blockquote, "pre": .pre, "section": .section, "article": .article, "header": .header,
        "footer": .footer, "main": .main, "nav": .nav, "aside": .aside, "center": .center, "form": .form,
        "fieldset": .fieldset, "address": .address, "figure": .figure, "figcaption": .figcaption, "hr": .hr,
        "html": .html, "body": .body,
    ]

    /// The tag of a name as libxml2's HTML parser reports it (lowercased ASCII).
    init(name: String) {
        self = Self.byName[name] ?? .other
    }
}

/// Element names met while parsing one HTML text, keyed by libxml2's name pointers: the parser
/// hands every name out of its dictionary (or as one of its own constants for the tags it
/// implies), so one pointer always spells one name while the parser lives, and a lookup is a
/// probe or two instead of a String and a hash.
struct HTMLTagCache {
    private struct Slot {
        var name: UnsafePointer<xmlChar>
        var tag: HTMLTag
    }

    private var slots = [Slot?](repeating: nil, count: 128)
    private var count = 0

    mutating func tag(_ name: UnsafePointer<xmlChar>) -> HTMLTag {
        let mask = slots.count - 1
        var i = Self.hash(name) & mask
        while let slot = slots[i] {
            if slot.name == name { return slot.tag }
            i = (i + 1) & mask
        }
        let tag = HTMLTag(name: String(cString: name))
        slots[i] = Slot(name: name, tag: tag)
        count += 1
        if count * 2 > slots.count { grow() }
        return tag
    }

    private static func hash(_ name: UnsafePointer<xmlChar>) -> Int { Int(bitPattern: name) >> 3 }

    /// Doubles the table, keeping it at most half full so that probes stay short.
    private mutating func grow() {
        let old = slots.compactMap { $0 }
        slots = [Slot?](repeating: nil, count: slots.count * 2)
        let mask = slots.count - 1
        for slot in old {
            var i = Self.hash(slot.name) & mask
            while slots[i] != nil { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
