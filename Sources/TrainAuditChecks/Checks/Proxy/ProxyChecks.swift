import TrainAuditCore
/// The PRX family (RULES.md).
public enum ProxyChecks {
    public static let all: [any Check] = [
        SignInBurst(), CopiedSheet(), SharedPhone(), SharedPhotoHash(), GhostTrainee(),
        SignInNotOnRoster(), SignInWhileAway(),
    ]
}
