namespace Traceability.Cli.Demo;

/// <summary>The demo supply chain's members: a Liuzhou river-snail rice noodle (柳州螺蛳粉) chain.</summary>
internal static class DemoOrganisations
{
    public sealed record Member(string Key, string Name, string Role, string Gln, params string[] CompanyPrefixes);

    public static readonly Member[] All =
    [
        new("rice-farm", "鹿寨稻米合作社 Luzhai Rice Cooperative", "producer", "6901234000016", "690123410001"),
        new("bamboo", "融安酸笋厂 Rong'an Pickled Bamboo Shoots", "producer", "6901234000023", "690123410002"),
        new("vegetables", "柳江蔬菜基地 Liujiang Vegetable Farm", "producer", "6901234000030", "690123410004"),
        new("noodle-factory", "柳州螺蛳粉食品厂 Liuzhou Luosifen Food Factory", "producer", "6901234000047", "690123410003"),
        new("packer", "柳州包装配送中心 Liuzhou Packing Centre", "producer", "6901234000054"),
        new("distributor", "桂中冷链物流 Guizhong Cold-Chain Logistics", "distributor", "6901234000061"),
        new("lab", "柳州市食品检验所 Liuzhou Food Inspection Institute", "lab", "6901234000078"),
        new("shop-wuyi", "五一路超市 Wuyi Road Supermarket", "retailer", "6901234000085"),
        new("shop-yufeng", "鱼峰生活超市 Yufeng Supermarket", "retailer", "6901234000092"),
        new("shop-liunan", "柳南百货 Liunan Department Store", "retailer", "6901234000108"),
        new("regulator", "柳州市市场监督管理局 Liuzhou Market Regulation Administration", "regulator", "6901234000115"),
    ];
}
