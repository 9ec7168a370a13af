import Testing
@testable import TrainAudit

@Test func packsAndPrintsAnID() {
    let id = ResidentID("11010519491231002X")!
    #expect(id.description == "11010519491231002X")
    #expect(id.hasValidCheckDigit)
    #expect(id.region == 110105)
    #expect(id.birthDate == Day(year: 1949, month: 12, day: 31))
    #expect(!id.isMale)
}

