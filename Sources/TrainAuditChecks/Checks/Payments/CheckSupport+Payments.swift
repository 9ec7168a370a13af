import TrainAuditCore
/// Helpers of the PAY checks: which payments are of the training subsidy, which pay a
/// person for a class, and the standard a class's certificate sets.

/// `Audit.isTrainingSubsidy` for a walk over many payments: the pack's pattern is read
/// once, when the first payment with an item asks, not for each payment (reading a setting
/// looks its key up and casts its value: several thousand instructions a payment).
struct TrainingSubsidyTest {
    private let settings: Settings
    private var read = false
    private var pattern: Pattern?

    init(_ audit: Audit) { settings = audit.settings }

    mutating func callAsFunction(_ p: Payment) -> Bool {
        guard let item = p.item else { return true }
        if !read {
            pattern = settings[.trainingItem]?.value
            read = true
        }
        return pattern?.matches(item) ?? true
    }
}

extension Audit {
    /// Whether a payment is of the training subsidy itself (the pack's
    /// `patterns.training_item`); 鉴定补贴, 生活费补贴 and 交通补贴 are not. A ledger with
    /// no 补贴项目 column is a ledger of training subsidies.
    func isTrainingSubsidy(_ p: Payment) -> Bool {
        guard let item = p.item else { return true }
        return settings[.trainingItem]?.value.matches(item) ?? true
    }

    /// The most the pack allows as training subsidy for a class, from the certificate its
    /// register line names (guyuan-2018 四(三): 培训合格证书 800 yuan), by the standard in
    /// force when the class started; nil when the class names no certificate or the pack
    /// sets no standard for it then.
    func standard(for view: TrainingClass) -> SubsidyStandard? {
        guard let certificate = view.certificate else { return nil }
        return settings.inForce(.subsidyStandards).forClass(startingOn: view.start)?.value.first { $0.certificate.matches(certificate) }
    }

    /// Whether an enrollment's 鉴定或考核通过情况 says failed, by the pack's
    /// `patterns.failed_assessment` (nil when the cell is blank or the pack sets none).
    func failed(_ e: Enrollment) -> Bool? {
        guard let text = e.assessment, let pattern = settings[.failedAssessment]?.value else { return nil }
        return pattern.matches(text) || pattern.matches(text.lowercased())
    }
}

extension Trainee {
    /// The person's payments that name class `cls`, in ledger order.
    func payments(naming cls: String) -> [Payment] {
        payments.filter { $0.classID == cls }
    }
}

extension AuditData {
    /// Who a payment is to, for messages: "马小军 (640422…)".
    func payee(_ p: Payment, _ id: ResidentID) -> String { CheckText.who(p.name, id) }
}

extension Check {
    /// A finding about payments to one person: the payment rows are the evidence and the
    /// money, the class's institution and county are filled in.
    func paymentFinding(_ message: Localized, subject: String, id: ResidentID, name: String, classID: String?,
                        payments refs: [SourceRef], amount: Int64?, in data: AuditData, more: [SourceRef] = [],
                        confidence: Double = 0.9, severity: Severity? = nil) -> Finding {
        let view = data.trainingClass(classID)
        return finding(message, subject: subject, evidence: refs + more, confidence: confidence,
                       person: PersonRef(id: id.description, name: name), classID: classID,
                       institution: view?.institution, county: view?.county, amount: amount,
                       paymentRefs: refs, severity: severity)
    }
}

/// Shared example tables of the PAY checks.
enum PaymentExamples {
    static let classes = """
    班级编号,培训机构,培训职业,开班日期,结业日期,总学时,理论学时,实操学时,证书类型
    GY-2019-01,原州区阳光职业培训学校,农村电商,2019-03-01,2019-03-25,150,50,100,培训合格证书
    GY-2019-02,原州区阳光职业培训学校,中式烹调师,2019-03-01,2019-03-25,150,50,100,职业资格证书
    """
    static let roster = """
    姓名,身份证号码,培训职业(工种)或专项职业能力,开班日期,结业日期,鉴定或考核通过情况,班级编号
    马小军,640422199001010017,农村电商,2019-03-01,2019-03-25,1,GY-2019-01
    李梅,642223198802020023,农村电商,2019-03-01,2019-03-25,1,GY-2019-01
    白雪,642223199208080204,农村电商,2019-03-01,2019-03-25,1,GY-2019-01
    """
    static let header = "身份证号码,姓名,发放金额,发放日期,补贴项目,银行账号,班级编号"
}
