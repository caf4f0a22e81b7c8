import DCSKit
import DashboardUI
import Testing

@Suite("Palette")
struct PaletteTests {
    let statusRoles = StatusCategory.allCases.map(StyleRole.status)

    @Test func monochromeUsesNoColourAndStillSeparatesTheMainStatuses() {
        for role in StyleRole.allCases {
            let look = Palette.monochrome.appearance(of: role)
            #expect(look.foreground == nil && look.background == nil)
        }
        // SUCCESS, FAILED, MIGRATING, TERMINATED differ by attributes, not only by word and symbol.
        let main: [StyleRole] = [.statusSucceeded, .statusFailed, .statusRunning, .statusStopped]
        #expect(Set(main.map { Palette.monochrome.appearance(of: $0) }).count == 4)
    }

    @Test func colourRolesFollowTheIssue() {
        #expect(Palette.color.appearance(of: .statusSucceeded).foreground == .green)
        #expect(Palette.color.appearance(of: .statusFailed).foreground == .red)
        #expect(Palette.color.appearance(of: .statusRunning).foreground == .yellow)
        #expect(Palette.color.appearance(of: .statusStopped).dim)
        #expect(Set(statusRoles.map { Palette.color.appearance(of: $0) }).count == statusRoles.count)
    }

    @Test func selectionReversesWhateverTheRole() {
        for palette in [Palette.color, .monochrome] {
            for role in StyleRole.allCases {
                let plain = palette.appearance(of: CellStyle(role))
                let selected = palette.appearance(of: CellStyle(role, selected: true))
                #expect(plain.reverse != selected.reverse)
            }
        }
    }

    @Test func symbolsAndWordsTellStatusesApartWithoutColour() {
        for symbols in [SymbolSet.unicode, .ascii] {
            let marks = StatusCategory.allCases.map(symbols.symbol(for:))
            #expect(Set(marks).count == marks.count)
        }
        #expect(SymbolSet.ascii.spinner.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }
}
