namespace Traceability.Api.Consumer;

/// <summary>
/// Every word of the provenance page in one language. <see cref="Script"/> holds the texts provenance.js shows while it
/// verifies ({n}, {block}, {tx} … are filled in by the script); the page embeds them beside the records.
/// </summary>
internal sealed record ProvenanceText
{
    public required string Lang { get; init; }
    public required string Title { get; init; }
    public required string Producer { get; init; }
    public required string Origin { get; init; }
    public required string ProductionDate { get; init; }
    public required string BestBefore { get; init; }
    public required string Gtin { get; init; }
    public required string Lot { get; init; }
    public required string Journey { get; init; }
    public required string LabResults { get; init; }
    public required string NoLabResults { get; init; }
    public required string By { get; init; }
    public required string At { get; init; }
    public required string To { get; init; }
    public required string Concerning { get; init; }
    public required string Pallet { get; init; }
    public required IReadOnlyDictionary<string, string> Kinds { get; init; }
    public required string TestedFor { get; init; }
    public required string Method { get; init; }
    public required string Result { get; init; }
    public required string Limit { get; init; }
    public required string Verdict { get; init; }
    public required string Pass { get; init; }
    public required string Fail { get; init; }
    public required string Negative { get; init; }
    public required string Positive { get; init; }
    public required string Laboratory { get; init; }
    public required string Qualifications { get; init; }
    public required string ReferenceMaterial { get; init; }
    public required string TestedAt { get; init; }
    public required string LotTested { get; init; }
    public required string RecallTitle { get; init; }
    public required string RecallAdvice { get; init; }
    public required string RecallReason { get; init; }
    public required string RecallClass { get; init; }
    public required IReadOnlyDictionary<string, string> RecallClasses { get; init; }
    public required string RecallDate { get; init; }
    public required string RecallTx { get; init; }
    public required string RecallOnChain { get; init; }
    public required string RecallActive { get; init; }
    public required string RecallLifted { get; init; }
    public required string RecallLiftedTitle { get; init; }
    public required string RecallLiftedOn { get; init; }
    public required string RecallLiftReason { get; init; }
    public required string NonConformantTitle { get; init; }
    public required string NonConformantText { get; init; }
    public required string Checking { get; init; }
    public required string Records { get; init; }
    public required string LedgerNote { get; init; }

    /// <summary>Where the records are anchored on Fabric, and why the phone does not ask the ledger itself.</summary>
    public required string FabricLedger { get; init; }
    public required string FabricNote { get; init; }
    public required string ScanAnother { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string BadRequestTitle { get; init; }
    public required string BadRequestText { get; init; }
    public required string VerifyFirst { get; init; }
    public required IReadOnlyDictionary<string, string> Countries { get; init; }
    public required IReadOnlyDictionary<string, object> Script { get; init; }

    public string Kind(string kind) => Kinds.GetValueOrDefault(kind) ?? Kinds["other"];

    public string Country(string? code) => code is null ? "" : Countries.GetValueOrDefault(code) ?? code;

    public static ProvenanceText For(string language) => language == PageLanguage.Chinese ? Chinese : English;

    public static readonly ProvenanceText English = new()
    {
        Lang = PageLanguage.English,
        Title = "Where this food comes from",
        Producer = "Producer",
        Origin = "Origin",
        ProductionDate = "Produced",
        BestBefore = "Best before",
        Gtin = "GTIN",
        Lot = "Lot",
        Journey = "Its journey",
        LabResults = "Lab tests",
        NoLabResults = "No lab results are recorded for this lot or its ingredients.",
        By = "by",
        At = "at",
        To = "to",
        Concerning = "for",
        Pallet = "pallet / case",
        Kinds = new Dictionary<string, string>
        {
            ["harvest"] = "Harvested / made", ["processing"] = "Processed", ["packing"] = "Packed", ["transport"] = "Shipped",
            ["receiving"] = "Received", ["inspection"] = "Inspected", ["shop"] = "In the shop", ["other"] = "Recorded",
        },
        TestedFor = "Tested for",
        Method = "Method",
        Result = "Result",
        Limit = "Legal limit",
        Verdict = "Verdict",
        Pass = "Pass",
        Fail = "Fail",
        Negative = "negative (not detected)",
        Positive = "positive (detected)",
        Laboratory = "Laboratory",
        Qualifications = "Qualifications",
        ReferenceMaterial = "Reference material",
        TestedAt = "Tested",
        LotTested = "Lot tested",
        RecallTitle = "This lot has been recalled. Do not eat it.",
        RecallAdvice = "Stop eating it and take it back to the shop where you bought it.",
        RecallReason = "Reason",
        RecallClass = "Level",
        RecallClasses = new Dictionary<string, string>
        {
            ["I"] = "Class I: eating it has caused or may cause serious harm to health",
            ["II"] = "Class II: eating it has caused or may cause harm to health",
            ["III"] = "Class III: unlikely to harm health, but it breaks food rules (e.g. labelling)",
        },
        RecallDate = "Ordered",
        RecallTx = "Recall transaction on the ledger",
        RecallOnChain = "The ledger's registry says",
        RecallActive = "recall active",
        RecallLifted = "recall lifted",
        RecallLiftedTitle = "An earlier recall of this lot has been lifted",
        RecallLiftedOn = "Lifted",
        RecallLiftReason = "Why it was lifted",
        NonConformantTitle = "A lab test failed",
        NonConformantText = "This lot or one of its ingredients failed a lab test. See the lab tests below.",
        Checking = "Checking…",
        Records = "records",
        LedgerNote = "Each record above is checked on this phone: its content is hashed again and its proof is followed to the root anchored on the ledger",
        FabricLedger = "Hyperledger Fabric, channel {channel}, chaincode {chaincode}",
        FabricNote = "These records are anchored on a permissioned Hyperledger Fabric ledger. A browser cannot ask a Fabric peer itself (peers answer only signed gRPC requests from member organisations), so this phone checks each record's content and its proof up to the anchored root; a member of the network confirms the root on the ledger with trace verify --fabric-network.",
        ScanAnother = "Scan another pack",
        NotFoundTitle = "We don't know this lot",
        NotFoundText = "No records exist here for the code you scanned. Check the lot number on the pack, or ask the shop.",
        BadRequestTitle = "This code is not valid",
        BadRequestText = "The code you scanned has a mistake in it (for example a wrong check digit), so it cannot name a product.",
        VerifyFirst = "Verification needs JavaScript; without it the records are shown but not checked.",
        Countries = new Dictionary<string, string> { ["CN"] = "China", ["US"] = "United States", ["TH"] = "Thailand", ["VN"] = "Viet Nam" },
        Script = new Dictionary<string, object>
        {
            ["checking"] = "Checking…",
            ["verified"] = "Verified · anchored on the ledger, block {block}, tx {tx}",
            ["verifiedFabric"] = "Verified · anchored on Hyperledger Fabric channel {channel}, block {block}, tx {tx}",
            ["pending"] = "Not yet verifiable · waiting to be anchored on the ledger",
            ["failed"] = "Verification failed: {reason}",
            ["chainConfirmed"] = "the ledger node confirms this root",
            ["chainUnknown"] = "the ledger node does not know this root",
            ["chainUnreachable"] = "The ledger node could not be reached; the proofs were checked on this phone only.",
            ["verdictRunning"] = "Checking {n} records on this phone…",
            ["verdictAll"] = "All {n} records verified",
            ["verdictPending"] = "{k} of {n} records verified, {p} waiting to be anchored",
            ["verdictFailed"] = "{f} of {n} records failed verification",
            ["unreadable"] = "The records on this page could not be read, so nothing is verified.",
            ["reasons"] = new Dictionary<string, string>
            {
                ["content-mismatch"] = "the record's content does not match its fingerprint (it was changed)",
                ["proof-mismatch"] = "the proof belongs to another record",
                ["malformed-event"] = "the record cannot be read",
                ["malformed-proof"] = "the proof cannot be read",
                ["unknown-status"] = "the proof has an unknown status",
                ["root-mismatch"] = "the proof does not lead to the root anchored on the ledger",
                ["malformed-hash"] = "the proof contains a damaged hash",
                ["index-out-of-range"] = "the proof's position is outside its tree",
                ["path-too-long"] = "the proof has too many steps",
                ["path-too-short"] = "the proof has too few steps",
                ["malformed-root"] = "the anchored root is damaged",
                ["chain-unknown"] = "the ledger node does not know this root",
                ["other"] = "the check could not be completed",
            },
        },
    };

    public static readonly ProvenanceText Chinese = new()
    {
        Lang = PageLanguage.Chinese,
        Title = "产品溯源",
        Producer = "生产企业",
        Origin = "原料产地",
        ProductionDate = "生产日期",
        BestBefore = "保质期至",
        Gtin = "商品条码",
        Lot = "批号",
        Journey = "溯源历程",
        LabResults = "检验检测",
        NoLabResults = "本批次及其原料暂无检验记录。",
        By = "操作方",
        At = "地点",
        To = "发往",
        Concerning = "批次",
        Pallet = "托盘/箱",
        Kinds = new Dictionary<string, string>
        {
            ["harvest"] = "采收/生产", ["processing"] = "加工", ["packing"] = "包装", ["transport"] = "发运",
            ["receiving"] = "收货", ["inspection"] = "检验", ["shop"] = "上架销售", ["other"] = "记录",
        },
        TestedFor = "检测项目",
        Method = "检测方法",
        Result = "检测结果",
        Limit = "限量标准",
        Verdict = "结论",
        Pass = "合格",
        Fail = "不合格",
        Negative = "阴性（未检出）",
        Positive = "阳性（检出）",
        Laboratory = "检测机构",
        Qualifications = "资质",
        ReferenceMaterial = "标准物质",
        TestedAt = "检测时间",
        LotTested = "受检批次",
        RecallTitle = "本批次产品已召回，请勿食用",
        RecallAdvice = "请立即停止食用，并退回购买的商店。",
        RecallReason = "召回原因",
        RecallClass = "召回级别",
        RecallClasses = new Dictionary<string, string>
        {
            ["I"] = "一级召回：食用后已经或者可能导致严重健康损害",
            ["II"] = "二级召回：食用后已经或者可能导致一般健康损害",
            ["III"] = "三级召回：一般不会造成健康损害，但标签、标识等不符合食品安全标准",
        },
        RecallDate = "召回时间",
        RecallTx = "链上召回交易",
        RecallOnChain = "链上登记合约显示",
        RecallActive = "召回有效",
        RecallLifted = "召回已解除",
        RecallLiftedTitle = "本批次此前的召回已解除",
        RecallLiftedOn = "解除时间",
        RecallLiftReason = "解除原因",
        NonConformantTitle = "检验不合格",
        NonConformantText = "本批次或其原料的检验结果不合格，详见下方检验检测。",
        Checking = "正在核验…",
        Records = "条记录",
        LedgerNote = "以上每条记录均在本机核验：重新计算记录内容的哈希，并沿证明路径核对链上存证的根哈希",
        FabricLedger = "Hyperledger Fabric 通道 {channel}，链码 {chaincode}",
        FabricNote = "这些记录存证于许可制的 Hyperledger Fabric 账本。浏览器无法直接查询 Fabric 节点（节点只接受成员机构签名的 gRPC 请求），因此本机核验每条记录的内容及其通向存证根哈希的证明；网络成员可用 trace verify --fabric-network 在账本上确认该根哈希。",
        ScanAnother = "扫描其他商品",
        NotFoundTitle = "未找到该批次",
        NotFoundText = "这里没有您所扫码批次的记录。请核对包装上的批号，或咨询商店。",
        BadRequestTitle = "该码无效",
        BadRequestText = "您扫描的码有误（例如校验位错误），无法对应到商品。",
        VerifyFirst = "核验需要启用 JavaScript；未启用时仅显示记录，不做核验。",
        Countries = new Dictionary<string, string> { ["CN"] = "中国", ["US"] = "美国", ["TH"] = "泰国", ["VN"] = "越南" },
        Script = new Dictionary<string, object>
        {
            ["checking"] = "正在核验…",
            ["verified"] = "已核验 · 已上链存证，区块 {block}，交易 {tx}",
            ["verifiedFabric"] = "已核验 · 已存证于 Hyperledger Fabric 通道 {channel}，区块 {block}，交易 {tx}",
            ["pending"] = "暂不能核验 · 等待上链存证",
            ["failed"] = "核验失败：{reason}",
            ["chainConfirmed"] = "区块链节点确认该根哈希",
            ["chainUnknown"] = "区块链节点上查不到该根哈希",
            ["chainUnreachable"] = "无法连接区块链节点；证明仅在本机核验。",
            ["verdictRunning"] = "正在本机核验 {n} 条记录…",
            ["verdictAll"] = "全部 {n} 条记录已核验",
            ["verdictPending"] = "{n} 条记录中 {k} 条已核验，{p} 条等待上链",
            ["verdictFailed"] = "{n} 条记录中 {f} 条核验失败",
            ["unreadable"] = "无法读取本页的记录，因此没有任何记录通过核验。",
            ["reasons"] = new Dictionary<string, string>
            {
                ["content-mismatch"] = "记录内容与其指纹不符（已被改动）",
                ["proof-mismatch"] = "证明属于另一条记录",
                ["malformed-event"] = "记录无法读取",
                ["malformed-proof"] = "证明无法读取",
                ["unknown-status"] = "证明状态未知",
                ["root-mismatch"] = "证明路径无法通向链上存证的根哈希",
                ["malformed-hash"] = "证明中的哈希已损坏",
                ["index-out-of-range"] = "证明中的位置超出范围",
                ["path-too-long"] = "证明路径过长",
                ["path-too-short"] = "证明路径过短",
                ["malformed-root"] = "链上根哈希已损坏",
                ["chain-unknown"] = "区块链节点上查不到该根哈希",
                ["other"] = "核验未能完成",
            },
        },
    };
}
