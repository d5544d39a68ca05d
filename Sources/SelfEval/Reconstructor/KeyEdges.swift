/// The first and last scalars of a cell's key (`LabelText.key(clean:)`), found in one pass over
/// the clean text without making the key. `HeaderVocabulary.mayOpenBlock` asks only these of
/// every cell of every row, and most cells' keys are asked for by nothing else: a long
/// indicator text cost about 5,000 instructions to key, where this pass makes no String.
///
/// The pass follows the key's steps scalar by scalar: half-width forms replaced, layout spaces
/// and line breaks dropped (a space `compact` keeps stands between two letters or digits, so it
/// is never first or last), colons and stars dropped, and parentheticals taken out. Whether a
/// parenthesis is left unclosed is known only at the end, when the key keeps every parenthesis
/// and what they hold, so the ends of both readings are followed and the right one chosen then.
struct KeyEdges {
    /// The scalars' UTF-8 bytes packed as `WordEdges` packs them; nil when the key is empty.
    let ends: (first: UInt32, last: UInt32)?
    /// At most the key's length in bytes, for the tests that turn a key away by its length:
    /// its bytes but its spaces (`compact` puts in a space only between two letters or digits
    /// that a gap separated, so these are the bytes the pass finds). A key already made and no
    /// longer than `HeaderVocabulary.longestFramedKey` counts its spaces too, which changes no test.
    let length: Int

    /// The edges of a key already made.
    init(ofKey key: String) {
        var copy = key
        self = copy.withUTF8 { Self(ofKey: $0) }
    }

    /// The edges of a key already made, from its UTF-8 bytes.
    init(ofKey p: UnsafeBufferPointer<UInt8>) {
        guard !p.isEmpty else {
            (ends, length) = (nil, 0)
            return
        }
        ends = (WordEdges.firstScalar(of: p), WordEdges.lastScalar(of: p))
        // Spaces are counted out only where the tests could tell.
        length = p.count <= HeaderVocabulary.longestFramedKey ? p.count : p.count { $0 != 0x20 }
    }

    /// Nil when the text holds a scalar outside the `TextCleaning.isOwnNFC` ranges (or one of
    /// four bytes), which `LabelText.canonical` might change: the key must then be made.
    init?(clean: String) {
        var copy = clean
        guard let (ends, length) = copy.withUTF8(Self.ends) else { return nil }
        self.ends = ends
        self.length = length
    }

    /// First and last scalars seen of one reading of the key, and its bytes.
    private struct Ends {
        var first: UInt32?
        var last: UInt32 = 0
        var length = 0

        @inline(__always)
        mutating func add(_ scalar: UInt32, bytes: Int) {
            if first == nil { first = scalar }
            last = scalar
            length += bytes
        }

        var pair: (first: UInt32, last: UInt32)? { first.map { ($0, last) } }
    }

    /// The ends of the key (nil when it is empty) and its length; nil when they cannot be told.
    private static func ends(_ p: UnsafeBufferPointer<UInt8>) -> ((first: UInt32, last: UInt32)?, Int)? {
        // `closed`: parentheticals taken out; `unclosed`: only colons and stars.
        var closed = Ends(), unclosed = Ends()
        var depth = 0
        @inline(__always)
        func add(ascii b: UInt8) {
            switch b {
            case 0x28:
                depth += 1
                unclosed.add(UInt32(b), bytes: 1)
            case 0x29:
                if depth > 0 { depth -= 1 } else { closed.add(UInt32(b), bytes: 1) }
                unclosed.add(UInt32(b), bytes: 1)
            case 0x3A, 0x2A:
                break
            default:
                if depth == 0 { closed.add(UInt32(b), bytes: 1) }
                unclosed.add(UInt32(b), bytes: 1)
            }
        }
        var i = 0
        while i < p.count {
            let b = p[i]
            if TextCleaning.isPlainIdeograph(p, i) {
                // A run of ideographs, most of a Chinese text, goes into the key as it is:
                // only its first and last scalars and its length matter here.
                let start = i
                repeat { i += 3 } while i < p.count && TextCleaning.isPlainIdeograph(p, i)
                let run = i - start
                if depth == 0 {
                    closed.add(packed3(p, start), bytes: 0)
                    closed.add(packed3(p, i - 3), bytes: run)
                }
                unclosed.add(packed3(p, start), bytes: 0)
                unclosed.add(packed3(p, i - 3), bytes: run)
                continue
            }
            if b < 0x80 {
                switch b {
                case 0x09, 0x0A, 0x0D, 0x20: break
                default: add(ascii: b)
                }
                i += 1
                continue
            }
            if LabelText.mayStartGapOrForm(b) {
                if let replacement = TextCleaning.halfWidthForm(p, i) {
                    // One character: an ASCII one, or `≥`/`≤` for `≧`/`≦` (neither a key byte).
                    if replacement.count == 1 {
                        add(ascii: replacement[0])
                    } else {
                        let packed = replacement.reduce(0) { $0 << 8 | UInt32($1) }
                        if depth == 0 { closed.add(packed, bytes: replacement.count) }
                        unclosed.add(packed, bytes: replacement.count)
                    }
                    i += 3
                    continue
                }
                let gap = TextBytes.gapLength(p, i)
                if gap > 0 {
                    i += gap
                    continue
                }
            }
            guard let (scalar, length) = TextCleaning.scalar(p, i), TextCleaning.isOwnNFC(scalar: scalar) else { return nil }
            let packed = length == 2
                ? UInt32(b) << 8 | UInt32(p[i + 1])
                : UInt32(b) << 16 | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2])
            switch scalar {
            case 0xFF08:
                depth += 1
                unclosed.add(packed, bytes: length)
            case 0xFF09:
                if depth > 0 { depth -= 1 } else { closed.add(packed, bytes: length) }
                unclosed.add(packed, bytes: length)
            case 0xFF1A:
                break
            default:
                if depth == 0 { closed.add(packed, bytes: length) }
                unclosed.add(packed, bytes: length)
            }
            i += length
        }
        let key = depth > 0 ? unclosed : closed
        return (key.pair, key.length)
    }

    @inline(__always)
    private static func packed3(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
        UInt32(p[i]) << 16 | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2])
    }
}
