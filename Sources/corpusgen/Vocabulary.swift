// Words the generated tables are made of: Ningxia's counties (real GB/T 2260 codes from
// rules/regions.tsv, with the years each was in force), common surnames of the region, occupations of the subsidy catalogue.

struct Region {
    /// The current code (devices, household numbers).
    let code: Int
    let county: String
    let towns: [String]
    /// Earlier codes of the same county: (first year, code), oldest first. An ID carries
    /// the code in force when its holder was born (python-stdnum's cn.ric checks this).
    var history: [(from: Int, code: Int)] = []

    func code(bornIn year: Int) -> Int {
        var c = code
        for h in history where h.from <= year { c = h.code }
        return c
    }
}

enum Vocabulary {
    static let regions: [Region] = [
        Region(code: 640104, county: "兴庆区", towns: ["掌政镇", "大新镇", "通贵乡", "月牙湖乡"], history: [(0, 640120), (1983, 640102), (2002, 640104)]),
        Region(code: 640121, county: "永宁县", towns: ["杨和镇", "李俊镇", "望远镇", "闽宁镇", "胜利乡"]),
        Region(code: 640122, county: "贺兰县", towns: ["习岗镇", "金贵镇", "立岗镇", "洪广镇"]),
        Region(code: 640221, county: "平罗县", towns: ["城关镇", "黄渠桥镇", "宝丰镇", "头闸镇", "姚伏镇"]),
        Region(code: 640302, county: "利通区", towns: ["金积镇", "金银滩镇", "高闸镇", "扁担沟镇"], history: [(0, 642121), (1983, 642101), (1998, 640302)]),
        Region(code: 640323, county: "盐池县", towns: ["花马池镇", "大水坑镇", "惠安堡镇", "高沙窝镇"], history: [(0, 642126), (1998, 640323)]),
        Region(code: 640324, county: "同心县", towns: ["豫海镇", "河西镇", "韦州镇", "下马关镇", "预旺镇"], history: [(0, 642127), (1998, 640324)]),
        Region(code: 640402, county: "原州区", towns: ["三营镇", "官厅镇", "开城镇", "张易镇", "彭堡镇"], history: [(0, 642221), (2001, 640402)]),
        Region(code: 640422, county: "西吉县", towns: ["吉强镇", "兴隆镇", "平峰镇", "新营乡", "红耀乡", "将台堡镇"], history: [(0, 642223), (2001, 640422)]),
        Region(code: 640423, county: "隆德县", towns: ["城关镇", "沙塘镇", "联财镇", "神林乡", "观庄乡"], history: [(0, 642224), (2001, 640423)]),
        Region(code: 640424, county: "泾源县", towns: ["香水镇", "泾河源镇", "六盘山镇", "新民乡"], history: [(0, 642225), (2001, 640424)]),
        Region(code: 640425, county: "彭阳县", towns: ["白阳镇", "王洼镇", "古城镇", "红河镇", "城阳乡"], history: [(0, 642226), (2001, 640425)]),
        Region(code: 640521, county: "中宁县", towns: ["宁安镇", "鸣沙镇", "石空镇", "恩和镇"], history: [(0, 642124), (1998, 640322), (2003, 640521)]),
        Region(code: 640522, county: "海原县", towns: ["海城镇", "李旺镇", "西安镇", "七营镇", "贾塘乡"], history: [(0, 642222), (2001, 640421), (2003, 640522)]),
    ]

    static let villageStems: [String] = [
        "红庄", "王沟", "崖湾", "团结", "新庄", "大坪", "沙岗", "梁堡", "杨河", "蒙宣", "火集", "苏堡",
        "下堡", "上街", "保林", "张堡", "毛沟", "玉桥", "山河", "夏寨", "庙湾", "阳洼", "马场", "东风",
    ]

    static let surnames: [String] = [
        "马", "王", "李", "张", "杨", "刘", "海", "田", "何", "苏", "丁", "金", "赵", "陈", "周", "吴",
        "冯", "虎", "拜", "白", "穆", "纳", "哈", "冶", "撒", "米", "黑", "罗", "郭", "高", "梁", "宋",
        "韩", "胡", "朱", "孙", "徐", "袁", "曹", "魏", "康", "祁", "安", "姚", "余", "蒋", "秦", "贾",
    ]

    static let givenChars: [String] = Array(
        "军华明兰英梅秀芳丽强伟磊洋勇艳杰娟涛超霞平刚桂玉红燕国建文斌辉海波宁东春花云凤琴小成福德志忠林学"
        + "荣生保有礼义仁贵鹏飞龙虎山川河彩萍莲慧敏静婷雪晶亮浩宇航俊鑫博涵轩怡萱瑞祥安康乐喜兵民清正"
    ).map(String.init)

    struct Occupation {
        let name: String
        let levels: [String]   // "" = 专项 (no level)
    }

    static let occupations: [Occupation] = [
        Occupation(name: "中式烹调师", levels: ["初级", "中级"]),
        Occupation(name: "中式面点师", levels: ["初级", "中级"]),
        Occupation(name: "电工", levels: ["初级", "中级"]),
        Occupation(name: "焊工", levels: ["初级", "中级"]),
        Occupation(name: "家政服务员", levels: ["初级"]),
        Occupation(name: "养老护理员", levels: ["初级", "中级"]),
        Occupation(name: "育婴员", levels: ["初级"]),
        Occupation(name: "农作物植保员", levels: ["初级"]),
        Occupation(name: "挖掘机驾驶员", levels: ["初级"]),
        Occupation(name: "美容师", levels: ["初级"]),
        Occupation(name: "电子商务师", levels: ["初级"]),
        Occupation(name: "机动车驾驶员", levels: ["初级"]),
        Occupation(name: "牛羊养殖", levels: [""]),
        Occupation(name: "枸杞种植", levels: [""]),
    ]

    static let institutionStems: [String] = ["职业技能培训学校", "阳光职业培训学校", "劳动就业培训中心", "职业技术学校", "农业技术推广中心", "鑫工职业培训学校"]

    static let statuses: [(String, Int)] = [("正常", 960_000), ("死亡", 15_000), ("自然减少", 10_000), ("迁出", 15_000)]
    static let labor: [(String, Int)] = [("普通劳动力", 700_000), ("技能劳动力", 120_000), ("弱劳动力", 100_000), ("丧失劳动力", 50_000), ("无劳动力", 30_000)]
    static let poverty: [(String, Int)] = [("已脱贫", 820_000), ("未脱贫", 150_000), ("返贫", 30_000)]
    static let work: [(String, Int)] = [("未务工", 400_000), ("乡外县内务工", 250_000), ("县外省内务工", 250_000), ("省外务工", 100_000)]
    static let relations: [String] = ["户主", "配偶", "之子", "之女", "之儿媳", "之孙子", "之孙女", "父亲", "母亲"]

    /// A weighted choice (weights in parts per million, summing to 1,000,000).
    static func pick(_ table: [(String, Int)], _ rng: inout Xoshiro) -> Int {
        var r = rng.below(1_000_000)
        for (i, (_, w)) in table.enumerated() {
            if r < w { return i }
            r -= w
        }
        return table.count - 1
    }
}
