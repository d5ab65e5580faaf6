'use strict';

const { describe, it, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { TraceRegistry } = require('../lib/trace-registry');
const { contracts } = require('../index');
const { Ledger } = require('./ledger');

const ADMIN = 'RegulatorMSP';
const PRODUCER = 'ProducerMSP';
const LAB = 'LabMSP';
const STRANGER = 'StrangerMSP';
const root = (n) => n.toString(16).padStart(64, '0');
const lot = (n) => (0xabc00 + n).toString(16).padStart(64, '0');

/** Rejects with a ChaincodeError of that name; the message starts with the name, which clients read. */
async function refused(promise, name) {
    await assert.rejects(promise, (error) => {
        assert.equal(error.name, name);
        assert.match(error.message, new RegExp(`^${name}: `));
        return true;
    });
}

let ledger;
let registry;

async function bootstrapped() {
    ledger = new Ledger();
    registry = new TraceRegistry();
    await ledger.invoke(registry, ADMIN, 'Bootstrap');
    await ledger.invoke(registry, ADMIN, 'RegisterOrg', ADMIN, 'Regulator', 'org-regulator');
    await ledger.invoke(registry, ADMIN, 'RegisterOrg', PRODUCER, 'Producer', 'org-producer');
    await ledger.invoke(registry, ADMIN, 'RegisterOrg', LAB, '2', 'org-lab');
}

describe('the chaincode entry point', () => {
    it('serves TraceRegistry as its default contract', () => {
        assert.deepEqual(contracts, [TraceRegistry]);
        assert.equal(new TraceRegistry().getName(), 'TraceRegistry');
    });
});

describe('admins', () => {
    beforeEach(bootstrapped);

    it('makes the MSP of the bootstrap transaction the first admin, once', async () => {
        assert.equal((await ledger.invoke(registry, STRANGER, 'IsAdmin', ADMIN)).result, true);
        await refused(ledger.invoke(registry, STRANGER, 'Bootstrap'), 'AlreadyBootstrapped');
        assert.equal((await ledger.invoke(registry, STRANGER, 'IsAdmin', STRANGER)).result, false);
    });

    it('lets only admins register, revoke and appoint, and keeps the last admin', async () => {
        await refused(ledger.invoke(registry, PRODUCER, 'RegisterOrg', STRANGER, 'Producer', 'x'), 'NotAdmin');
        await refused(ledger.invoke(registry, PRODUCER, 'SetAdmin', PRODUCER, 'true'), 'NotAdmin');
        await refused(ledger.invoke(registry, ADMIN, 'SetAdmin', ADMIN, 'false'), 'LastAdmin');
        await ledger.invoke(registry, ADMIN, 'SetAdmin', PRODUCER, 'true');
        await ledger.invoke(registry, PRODUCER, 'SetAdmin', ADMIN, 'false');
        assert.equal((await ledger.invoke(registry, STRANGER, 'IsAdmin', ADMIN)).result, false);
        await refused(ledger.invoke(registry, ADMIN, 'RevokeOrg', LAB), 'NotAdmin');
    });

    it('registers roles by name or Solidity number and refuses None and unknown roles', async () => {
        assert.deepEqual((await ledger.invoke(registry, STRANGER, 'GetOrg', LAB)).result,
            { mspId: LAB, role: 'Lab', roleCode: 2, orgId: 'org-lab' });
        for (const bad of ['None', '0', '6', 'Farmer', '']) {
            await refused(ledger.invoke(registry, ADMIN, 'RegisterOrg', STRANGER, bad, 'x'), 'InvalidRole');
        }
        await refused(ledger.invoke(registry, ADMIN, 'RegisterOrg', 'bad msp!', 'Lab', 'x'), 'InvalidArgument');
        assert.equal(ledger.events.at(-1).name, 'OrgRegistered');
    });

    it('keeps an MSP for one organisation: another orgId is refused until the MSP is revoked', async () => {
        await ledger.invoke(registry, ADMIN, 'RegisterOrg', LAB, 'Producer', 'org-lab');
        assert.equal((await ledger.invoke(registry, STRANGER, 'GetOrg', LAB)).result.role, 'Producer');
        await refused(ledger.invoke(registry, ADMIN, 'RegisterOrg', LAB, 'Lab', 'org-other'), 'MspTaken');
        assert.equal((await ledger.invoke(registry, STRANGER, 'GetOrg', LAB)).result.orgId, 'org-lab');
        await ledger.invoke(registry, ADMIN, 'RevokeOrg', LAB);
        await ledger.invoke(registry, ADMIN, 'RegisterOrg', LAB, 'Lab', 'org-other');
        assert.equal((await ledger.invoke(registry, STRANGER, 'GetOrg', LAB)).result.orgId, 'org-other');
    });

    it('revokes an organisation, which then cannot anchor, and refuses to revoke one not registered', async () => {
        await ledger.invoke(registry, ADMIN, 'RevokeOrg', LAB);
        assert.equal((await ledger.invoke(registry, STRANGER, 'GetOrg', LAB)).result.role, 'None');
        await refused(ledger.invoke(registry, LAB, 'AnchorRoot', root(1), '1'), 'NotRegistered');
        await refused(ledger.invoke(registry, ADMIN, 'RevokeOrg', LAB), 'NotRegistered');
    });
});

describe('anchoring', () => {
    beforeEach(bootstrapped);

    it('anchors a root once, for the invoking organisation, and reads it back', async () => {
        const { txId, timestamp } = await ledger.invoke(registry, LAB, 'AnchorRoot', '0x' + root(0xbeef).toUpperCase(), '2048');
        const anchor = (await ledger.invoke(registry, STRANGER, 'GetAnchor', root(0xbeef))).result;
        assert.deepEqual(anchor, { org: LAB, count: 2048, txId, timestamp });
        assert.deepEqual(ledger.events.at(-1), { name: 'Anchored', payload: { root: root(0xbeef), org: LAB, count: 2048 }, txId });
    });

    it('refuses a second anchor of the same root by anyone, naming the first', async () => {
        await ledger.invoke(registry, PRODUCER, 'AnchorRoot', root(7), '3');
        await refused(ledger.invoke(registry, LAB, 'AnchorRoot', root(7), '5'), 'AlreadyAnchored');
        assert.equal((await ledger.invoke(registry, STRANGER, 'GetAnchor', root(7))).result.org, PRODUCER);
    });

    it('refuses unregistered organisations, empty roots, zero and oversized counts, malformed input', async () => {
        await refused(ledger.invoke(registry, STRANGER, 'AnchorRoot', root(1), '1'), 'NotRegistered');
        await refused(ledger.invoke(registry, LAB, 'AnchorRoot', root(0), '1'), 'EmptyRoot');
        await refused(ledger.invoke(registry, LAB, 'AnchorRoot', root(1), '0'), 'ZeroEventCount');
        await refused(ledger.invoke(registry, LAB, 'AnchorRoot', root(1), '4294967296'), 'InvalidArgument');
        await refused(ledger.invoke(registry, LAB, 'AnchorRoot', root(1), '-1'), 'InvalidArgument');
        await refused(ledger.invoke(registry, LAB, 'AnchorRoot', root(1), '1.5'), 'InvalidArgument');
        await refused(ledger.invoke(registry, LAB, 'AnchorRoot', 'abc', '1'), 'InvalidArgument');
        await refused(ledger.invoke(registry, LAB, 'AnchorRoot', root(1)), 'InvalidArgument');
        assert.equal(ledger.events.filter((e) => e.name === 'Anchored').length, 0);
    });

    it('answers NotAnchored for a root nobody anchored', async () => {
        await refused(ledger.invoke(registry, STRANGER, 'GetAnchor', root(99)), 'NotAnchored');
    });
});

describe('recalls', () => {
    beforeEach(bootstrapped);

    it('records a recall by a regulator for every lot, in one event', async () => {
        const { txId, timestamp } = await ledger.invoke(registry, ADMIN, 'Recall', JSON.stringify([lot(1), lot(2), lot(1)]), 'chlorpyrifos 0.12 mg/kg');
        for (const k of [lot(1), lot(2)]) {
            assert.deepEqual((await ledger.invoke(registry, STRANGER, 'RecallOf', k)).result,
                { active: true, reason: 'chlorpyrifos 0.12 mg/kg', by: ADMIN, txId, timestamp });
        }
        assert.deepEqual(ledger.events.at(-1).payload, { lotKeys: [lot(1), lot(2)], by: ADMIN, reason: 'chlorpyrifos 0.12 mg/kg' });
    });

    it('lets producers recall and refuses labs, strangers and empty or oversized lists', async () => {
        await ledger.invoke(registry, PRODUCER, 'Recall', JSON.stringify([lot(3)]), 'own lot');
        await refused(ledger.invoke(registry, LAB, 'Recall', JSON.stringify([lot(4)]), 'x'), 'RoleNotAllowed');
        await refused(ledger.invoke(registry, STRANGER, 'Recall', JSON.stringify([lot(4)]), 'x'), 'NotRegistered');
        await refused(ledger.invoke(registry, ADMIN, 'Recall', '[]', 'x'), 'EmptyRecall');
        await refused(ledger.invoke(registry, ADMIN, 'Recall', JSON.stringify(Array.from({ length: 1001 }, (_, i) => lot(i))), 'x'), 'InvalidArgument');
        await refused(ledger.invoke(registry, ADMIN, 'Recall', 'not json', 'x'), 'InvalidArgument');
        await refused(ledger.invoke(registry, ADMIN, 'Recall', JSON.stringify([lot(4)]), 'x'.repeat(2001)), 'InvalidArgument');
        assert.equal((await ledger.invoke(registry, STRANGER, 'RecallOf', lot(4))).result.active, false);
    });

    it('lifts recalls by regulators only, all or nothing, and keeps who recalled', async () => {
        const recalled = await ledger.invoke(registry, PRODUCER, 'Recall', JSON.stringify([lot(5), lot(6)]), 'mislabelled');
        await refused(ledger.invoke(registry, PRODUCER, 'LiftRecall', JSON.stringify([lot(5)])), 'RoleNotAllowed');
        await refused(ledger.invoke(registry, ADMIN, 'LiftRecall', JSON.stringify([lot(5), lot(7)])), 'NotRecalled');
        assert.equal((await ledger.invoke(registry, STRANGER, 'RecallOf', lot(5))).result.active, true);

        const lifted = await ledger.invoke(registry, ADMIN, 'LiftRecall', JSON.stringify([lot(5)]));
        const after = (await ledger.invoke(registry, STRANGER, 'RecallOf', lot(5))).result;
        assert.deepEqual(after, { active: false, reason: 'mislabelled', by: PRODUCER, txId: recalled.txId, timestamp: recalled.timestamp,
            liftedBy: ADMIN, liftTxId: lifted.txId, liftedAt: lifted.timestamp });
        assert.deepEqual(ledger.events.at(-1).payload, { lotKeys: [lot(5)], by: ADMIN });
        await refused(ledger.invoke(registry, ADMIN, 'LiftRecall', JSON.stringify([lot(5)])), 'NotRecalled');
        assert.equal((await ledger.invoke(registry, STRANGER, 'RecallOf', lot(6))).result.active, true);
    });

    it('reports a lot never recalled as inactive with nothing else', async () => {
        assert.deepEqual((await ledger.invoke(registry, STRANGER, 'RecallOf', lot(42))).result,
            { active: false, reason: null, by: null, txId: null, timestamp: null });
    });
});

describe('unknown functions', () => {
    it('are refused by name', async () => {
        await refused(new TraceRegistry().unknownTransaction({ stub: { getFunctionAndParameters: () => ({ fcn: 'Mint' }) } }), 'UnknownFunction');
    });
});
