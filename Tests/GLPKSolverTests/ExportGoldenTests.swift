import LinearModel
import XCTest
@testable import GLPKSolver

/// The exact text of exports (golden files, inline): a change in GLPK's writer or in our
/// naming shows up here first.
final class ExportGoldenTests: XCTestCase {
    /// Wyndor Glass with a planner-style name and an objective constant.
    func wyndor() -> Model {
        var m = Model(name: "wyndor glass")
        let x = m.addVariable(name: "doors")
        let y = m.addVariable(name: "windows")
        m.addConstraint(name: "plant-1", LinearExpression(x), .lessEqual(4))
        m.addConstraint(name: "plant-2", 2 * y, .lessEqual(12))
        m.addConstraint(name: "plant-3", 3 * x + 2 * y, .lessEqual(18))
        m.setObjective(.maximize, 3 * x + 5 * y + 1)
        return m
    }

    func testLPGolden() throws {
        let expected = """
        \\* Problem: wyndor_glass *\\

        Maximize
         obj: + 3 doors + 5 windows + _constant

        Subject To
         plant_1: + doors <= 4
         plant_2: + 2 windows <= 12
         plant_3: + 2 windows + 3 doors <= 18

        Bounds
         _constant = 1

        End

        """
        XCTAssertEqual(try GLPKSolver.exportText(wyndor(), format: .lp), expected)
    }

    func testMPSGolden() throws {
        let expected = """
        * Problem:    wyndor_glass
        * Class:      LP
        * Rows:       3
        * Columns:    3
        * Non-zeros:  4
        * Format:     Free MPS
        *
        * Sense:      MAXimize (MPS cannot say so; use glpsol --max)
        NAME wyndor_glass
        ROWS
         N R0000000
         L plant_1
         L plant_2
         L plant_3
        COLUMNS
         doors R0000000 3 plant_3 3
         doors plant_1 1
         windows R0000000 5 plant_3 2
         windows plant_2 2
         _constant R0000000 1
        RHS
         RHS1 plant_1 4 plant_2 12
         RHS1 plant_3 18
        BOUNDS
         FX BND1 _constant 1
        ENDATA

        """
        XCTAssertEqual(try GLPKSolver.exportText(wyndor(), format: .mps), expected)
    }
}
