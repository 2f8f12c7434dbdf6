namespace Compliance.Host.Generation;

/// <summary>Plausible Chinese applicant and project names, drawn from fixed lists.</summary>
internal static class ChineseNames
{
    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蒋", "蔡", "余", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "沈", "欧阳", "司马"];

    private static readonly string[] GivenChars =
        ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "文", "建", "国", "志", "红", "玲", "婷", "雪", "宇", "浩", "鑫", "佳", "欣", "怡", "子", "轩", "梓", "涵", "晨", "博", "瑞", "琳", "俊", "晓", "海", "燕"];

    private static readonly string[] Places = ["江城", "东湖", "滨江", "西溪", "临平", "钱塘", "富春", "青山", "南湖", "北塘", "云栖", "金沙"];

    private static readonly string[] Brands =
        ["华信", "恒达", "鑫源", "博远", "嘉禾", "瑞丰", "中天", "金桥", "宏图", "新锐", "盛世", "汇通", "远航", "天成", "永兴", "同创", "德润", "华联", "众诚", "启明"];

    private static readonly string[] Trades =
        ["科技", "商贸", "建设工程", "餐饮管理", "物流", "医药", "食品", "房地产开发", "环保科技", "文化传媒", "机械制造", "电子", "信息技术", "建材", "物业管理", "农业开发"];

    private static readonly string[] FirmSuffixes = ["有限公司", "有限公司", "有限责任公司", "股份有限公司"];

    private static readonly string[] Shops = ["便利店", "小吃店", "五金店", "理发店", "水果店", "服装店", "饮品店", "药店", "烟酒店", "快餐店", "维修部", "工作室"];

    private static readonly string[] ProjectKinds =
        ["年产5万吨新型建材生产线项目", "智能制造产业园项目", "住宅小区（二期）项目", "商业综合体项目", "中学新建工程", "小学迁建工程", "污水处理厂提标改造工程", "物流仓储中心项目", "人民医院门急诊综合楼工程", "数据中心项目", "安置房项目", "道路综合整治工程", "高新技术产业孵化园项目", "冷链物流基地项目"];

    public static string Person(SeededRandom random)
    {
        var given = random.Pick(GivenChars);
        if (random.Chance(0.7))
        {
            given += random.Pick(GivenChars);
        }
        return random.Pick(Surnames) + given;
    }

    public static string Firm(SeededRandom random) =>
        random.Pick(Places) + random.Pick(Brands) + random.Pick(Trades) + random.Pick(FirmSuffixes);

    public static string SmallFirm(SeededRandom random) =>
        random.Chance(0.5)
            ? random.Pick(Places) + random.Pick(Brands) + random.Pick(Trades) + "有限公司"
            : random.Pick(Places) + "区" + random.Pick(Brands) + random.Pick(Shops);

    /// <summary>An applicant of the given type.</summary>
    public static string Applicant(SeededRandom random, string type) => type switch
    {
        Applicants.Person => Person(random),
        Applicants.SmallFirm => SmallFirm(random),
        _ => Firm(random),
    };

    /// <summary>A project name; now and then with a comma, as real names with phases have.</summary>
    public static string Project(SeededRandom random)
    {
        var name = random.Pick(Places) + random.Pick(Brands) + random.Pick(ProjectKinds);
        return random.Chance(0.08) ? name.Replace("项目", "（一期，二期）项目", StringComparison.Ordinal) : name;
    }
}
