import CNcursesw
import DashboardUI

/// Decodes what `wget_wch` returns into dashboard keys.
enum CursesKeys {
    /// A character (`OK` result): Esc, Enter, Backspace, Ctrl-letters, printable characters.
    static func decode(character value: UInt32) -> Key? {
        switch value {
        case 27: return .escape
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 9: return nil
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(96 + value))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value), !(0x7F...0x9F).contains(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function key (`KEY_CODE_YES` result).
    static func decode(functionKey code: Int32) -> Key? {
        switch code {
        case dcs_key_up(): return .up
        case dcs_key_down(): return .down
        case dcs_key_left(): return .left
        case dcs_key_right(): return .right
        case dcs_key_ppage(): return .pageUp
        case dcs_key_npage(): return .pageDown
        case dcs_key_home(): return .home
        case dcs_key_end(): return .end
        case dcs_key_enter(): return .enter
        case dcs_key_backspace(): return .backspace
        case dcs_key_dc(): return .delete
        default: return nil
        }
    }
}
