import TrainAuditCore
/// The ID family (RULES.md, "Beyond the five"): identity data quality.
public enum IdentityChecks {
    public static let all: [any Check] = [
        BadCheckDigit(), BadBirthDate(), UnknownRegion(), LostToScientificNotation(), ConvertedLegacyID(),
        GenderContradictsID(), AgeContradictsID(), NamesDifferAcrossTables(), MalformedID(), StoredAsNumber(),
    ]
}
