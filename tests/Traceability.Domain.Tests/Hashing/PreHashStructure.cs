using static Traceability.Domain.Tests.Hashing.HashingTestEvents;

namespace Traceability.Domain.Tests.Hashing;

/// <summary>Where each part of an event goes in the pre-hash string (CBV 2.0 §8.9 rules 1-4, 11-13, 19-21).</summary>
public class PreHashStructure
{
    [Fact]
    public void StandardFieldsFollowTheCanonicalOrderWhateverTheJsonOrder() => Assert.Equal(
        Start + "epcListepc=https://id.gs1.org/01/10614141073464/21/1action=OBSERVEbizStep=https://ref.gs1.org/cbv/BizStep-shipping"
            + "readPointid=https://id.gs1.org/414/0614141073467",
        PreHash("""
            , "readPoint": {"id": "urn:epc:id:sgln:0614141.07346.0"}, "bizStep": "shipping",
              "epcList": ["urn:epc:id:sgtin:0614141.107346.1"]
            """));

    [Fact]
    public void ListEntriesAreSortedByCodePoint() => Assert.Equal(
        Start + "epcListepc=https://id.gs1.org/01/10614141073464/21/10epc=https://id.gs1.org/01/10614141073464/21/9"
            + "epc=https://id.gs1.org/01/10614141073464/21/A" + "action=OBSERVE",
        PreHash(""", "epcList": ["urn:epc:id:sgtin:0614141.107346.A", "urn:epc:id:sgtin:0614141.107346.9", "urn:epc:id:sgtin:0614141.107346.10"]"""));

    [Fact]
    public void QuantityElementsAreWrittenFieldByFieldAndSorted() => Assert.Equal(
        Start + "quantityListquantityElementepcClass=https://id.gs1.org/01/04012345111118/10/L1quantity=2.5uom=KGM"
            + "quantityElementepcClass=https://id.gs1.org/01/04012345111118/10/L2quantity=10action=OBSERVE",
        PreHash("""
            , "quantityList": [
                {"quantity": 10, "epcClass": "urn:epc:class:lgtin:4012345.011111.L2"},
                {"uom": "KGM", "quantity": 2.50, "epcClass": "urn:epc:class:lgtin:4012345.011111.L1"}]
            """));

    [Fact]
    public void TransactionSourceAndDestinationEntriesPutTheTypeFirst() => Assert.Equal(
        Start + "action=OBSERVE"
            + "bizTransactionListtype=https://ref.gs1.org/cbv/BTT-pobizTransaction=urn:epcglobal:cbv:bt:4012345000009:1"
            + "destinationListtype=https://ref.gs1.org/cbv/SDT-owning_partydestination=https://id.gs1.org/417/0614141000005"
            + "sourceListtype=https://ref.gs1.org/cbv/SDT-locationsource=https://id.gs1.org/414/4012345000054"
            + "type=https://ref.gs1.org/cbv/SDT-owning_partysource=https://id.gs1.org/417/4012345000009",
        PreHash("""
            , "sourceList": [{"source": "urn:epc:id:pgln:4012345.00000", "type": "owning_party"},
                             {"source": "urn:epc:id:sgln:4012345.00005.0", "type": "location"}],
              "destinationList": [{"destination": "urn:epc:id:pgln:0614141.00000", "type": "owning_party"}],
              "bizTransactionList": [{"bizTransaction": "urn:epcglobal:cbv:bt:4012345000009:1", "type": "po"}]
            """));

    [Fact]
    public void TransactionListsAndIlmdComeAfterSensorDataSortedWithExtensions() => Assert.Equal(
        Start + "action=OBSERVEsensorElementListsensorElementsensorReporttype=https://gs1.org/voc/Temperaturevalue=4uom=CEL"
            + "bizTransactionListbizTransaction=urn:epcglobal:cbv:bt:4012345000009:1"
            + "ilmd{https://ns.example.com/epcis/}grade=A"
            + "sourceListsource=https://id.gs1.org/417/4012345000009"
            + "{https://ns.example.com/epcis/}note=n",
        PreHash("""
            , "example:note": "n", "sourceList": [{"source": "urn:epc:id:pgln:4012345.00000"}],
              "ilmd": {"example:grade": "A"},
              "bizTransactionList": [{"bizTransaction": "urn:epcglobal:cbv:bt:4012345000009:1"}],
              "sensorElementList": [{"sensorReport": [{"uom": "CEL", "value": 4.0, "type": "Temperature"}]}]
            """));

    [Fact]
    public void ExtensionsInsideAStandardObjectFollowItsOwnFields() => Assert.Equal(
        Start + "action=OBSERVEreadPointid=https://id.gs1.org/414/4012345000054{https://ns.example.com/epcis/}a=1{https://ns.example.com/epcis/}b=2"
            + "{https://ns.example.com/epcis/}top=x",
        PreHash(""", "example:top": "x", "readPoint": {"example:b": "2", "id": "urn:epc:id:sgln:4012345.00005.0", "example:a": "1"}"""));

    [Fact]
    public void NestedExtensionsAreWrittenWithTheirNamespaceAndSortedChildren() => Assert.Equal(
        Start + "action=OBSERVE{https://ns.example.com/epcis/}outer{https://ns.example.com/epcis/}item=1{https://ns.example.com/epcis/}item=3"
            + "{https://ns.example.com/epcis/}leaf=z",
        PreHash(""", "example:outer": {"example:leaf": "z", "example:item": ["3", "1"]}"""));

    [Fact]
    public void EmptyValuesListsAndObjectsLeaveNoTrace() => Assert.Equal(
        Start + "action=OBSERVE",
        PreHash(""", "epcList": [], "disposition": " ", "readPoint": {}, "example:empty": {}, "example:nothing": null"""));

    [Fact]
    public void PersistentDispositionListsSetThenUnset() => Assert.Equal(
        Start + "action=OBSERVEpersistentDispositionset=https://ref.gs1.org/cbv/Disp-completeness_verified"
            + "set=https://ref.gs1.org/cbv/Disp-recalledunset=https://ref.gs1.org/cbv/Disp-active",
        PreHash(""", "persistentDisposition": {"unset": ["active"], "set": ["recalled", "completeness_verified"]}"""));

    [Fact]
    public void CertificationInfoFollowsTheTimeZoneOffset() => Assert.Equal(
        Start + "certificationInfo=https://cert.example.org/1epcListepc=https://id.gs1.org/00/040123450000001112action=OBSERVE",
        PreHash(""", "epcList": ["urn:epc:id:sscc:4012345.0000000111"], "certificationInfo": "https://cert.example.org/1" """));

    [Fact]
    public void SensorMetadataAndReportsFollowTheirCanonicalOrder() => Assert.Equal(
        Start + "action=OBSERVEsensorElementListsensorElementsensorMetadatatime=2024-05-01T08:05:00.000ZdeviceID=https://id.gs1.org/8004/4000001111"
            + "sensorReporttype=https://gs1.org/voc/AbsoluteHumidityvalue=12.1uom=A93"
            + "sensorReporttype=https://gs1.org/voc/Temperatureexception=https://gs1.org/voc/ALARM_CONDITIONvalue=26sDev=0.1uom=CEL",
        PreHash("""
            , "sensorElementList": [{
                "sensorReport": [{"uom": "CEL", "sDev": 0.1, "value": 26, "exception": "ALARM_CONDITION", "type": "Temperature"},
                                 {"uom": "A93", "value": 12.1, "type": "gs1:AbsoluteHumidity"}],
                "sensorMetadata": {"deviceID": "urn:epc:id:giai:4000001.111", "time": "2024-05-01T10:05:00+02:00"}}]
            """));
}
