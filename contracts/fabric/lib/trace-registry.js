'use strict';

// TraceRegistry on Fabric: the surface of contracts/evm/TraceRegistry.sol with organisations keyed by MSP id.
// The invoking organisation is always the MSP of the transaction's creator (ctx.clientIdentity), never an argument.
//
// Admins bootstrap: the chaincode is committed with --init-required, and the deploying consortium admin's
// init transaction calls Bootstrap, which makes the invoking MSP the first admin. Fabric runs no other
// transaction before the init one, and Bootstrap refuses once any admin exists.
//
// Fabric keeps one chaincode event per transaction, so Recalled and RecallLifted carry all the lot keys
// of the transaction in one payload.

const { Contract } = require('fabric-contract-api');
const {
    fail, ROLES, MAX_REASON_LENGTH, MAX_ORG_ID_LENGTH,
    parseHash, parseRoot, parseEventCount, parseMspId, parseRole, parseBoolean, parseLotKeys, parseText,
} = require('./values');

const ADMIN = 'admin';
const ORG = 'org';
const ANCHOR = 'anchor';
const RECALL = 'recall';

class TraceRegistry extends Contract {
    constructor() {
        super('TraceRegistry');
    }

    /** Init transaction: the invoking MSP becomes the first admin. */
    async Bootstrap(ctx) {
        if ((await admins(ctx)).length > 0) fail('AlreadyBootstrapped', 'the registry already has admins');
        const caller = invoker(ctx);
        await putJson(ctx, key(ctx, ADMIN, caller), { mspId: caller });
        emit(ctx, 'AdminChanged', { mspId: caller, enabled: true });
        return JSON.stringify({ admin: caller });
    }

    /** Grants or withdraws consortium-admin rights; the last admin cannot leave. */
    async SetAdmin(ctx, mspIdArg, enabledArg) {
        await requireAdmin(ctx);
        const mspId = parseMspId(mspIdArg);
        const enabled = parseBoolean(enabledArg, 'enabled');
        const current = await admins(ctx);
        if (current.includes(mspId) === enabled) return JSON.stringify({ mspId, admin: enabled });
        if (!enabled && current.length === 1) fail('LastAdmin', 'the last admin cannot be removed');
        if (enabled) await putJson(ctx, key(ctx, ADMIN, mspId), { mspId });
        else await ctx.stub.deleteState(key(ctx, ADMIN, mspId));
        emit(ctx, 'AdminChanged', { mspId, enabled });
        return JSON.stringify({ mspId, admin: enabled });
    }

    async IsAdmin(ctx, mspIdArg) {
        const mspId = parseMspId(mspIdArg);
        return JSON.stringify((await admins(ctx)).includes(mspId));
    }

    /**
     * Registers an organisation (by MSP id) with its role, or changes its role. An MSP identity belongs to one
     * organisation: registering it for another orgId is refused (MspTaken) until it is revoked. Reading the entry also
     * puts it in the read set, so of two registrations of one MSP racing into a block only one is valid.
     */
    async RegisterOrg(ctx, mspIdArg, roleArg, orgIdArg) {
        await requireAdmin(ctx);
        const mspId = parseMspId(mspIdArg);
        const role = parseRole(roleArg);
        const orgId = parseText(orgIdArg ?? '', 'orgId', MAX_ORG_ID_LENGTH);
        const existing = await getJson(ctx, key(ctx, ORG, mspId));
        if (existing && existing.orgId !== orgId) fail('MspTaken', `${mspId} belongs to ${existing.orgId}; revoke it first`);
        const org = { mspId, role, roleCode: ROLES.indexOf(role), orgId };
        await putJson(ctx, key(ctx, ORG, mspId), org);
        emit(ctx, 'OrgRegistered', org);
        return JSON.stringify(org);
    }

    /** Removes an organisation from the registry; its past anchors stay. */
    async RevokeOrg(ctx, mspIdArg) {
        await requireAdmin(ctx);
        const mspId = parseMspId(mspIdArg);
        if ((await roleOf(ctx, mspId)) === 'None') fail('NotRegistered', `${mspId} is not a registered organisation`);
        await ctx.stub.deleteState(key(ctx, ORG, mspId));
        emit(ctx, 'OrgRevoked', { mspId });
        return JSON.stringify({ mspId, role: 'None', roleCode: 0 });
    }

    /** { mspId, role, roleCode, orgId }; role "None" for an organisation never registered or revoked. */
    async GetOrg(ctx, mspIdArg) {
        const mspId = parseMspId(mspIdArg);
        const org = await getJson(ctx, key(ctx, ORG, mspId));
        return JSON.stringify(org ?? { mspId, role: 'None', roleCode: 0, orgId: '' });
    }

    /** Anchors the Merkle root of a batch of event hashes, once per root, for the invoking organisation. */
    async AnchorRoot(ctx, rootArg, countArg) {
        const caller = invoker(ctx);
        if ((await roleOf(ctx, caller)) === 'None') fail('NotRegistered', `${caller} is not a registered organisation`);
        const root = parseRoot(rootArg);
        const count = parseEventCount(countArg);
        const anchorKey = key(ctx, ANCHOR, root);
        const existing = await getJson(ctx, anchorKey);
        if (existing) fail('AlreadyAnchored', `root ${root} was anchored by ${existing.org} in ${existing.txId}`);
        const anchor = { org: caller, count, txId: ctx.stub.getTxID(), timestamp: txTime(ctx) };
        await putJson(ctx, anchorKey, anchor);
        emit(ctx, 'Anchored', { root, org: caller, count });
        return JSON.stringify(anchor);
    }

    /** { org, count, txId, timestamp } of an anchored root; NotAnchored otherwise. */
    async GetAnchor(ctx, rootArg) {
        const root = parseHash(rootArg, 'root');
        const anchor = await getJson(ctx, key(ctx, ANCHOR, root));
        if (!anchor) fail('NotAnchored', `root ${root} is not anchored`);
        return JSON.stringify(anchor);
    }

    /** Recalls lots (SHA-256 of /01/{gtin14}/10/{lot}); regulators and producers, as on the EVM. */
    async Recall(ctx, lotKeysArg, reasonArg) {
        const caller = invoker(ctx);
        const role = await roleOf(ctx, caller);
        if (role === 'None') fail('NotRegistered', `${caller} is not a registered organisation`);
        if (role !== 'Regulator' && role !== 'Producer') fail('RoleNotAllowed', `${caller} is a ${role}; only regulators and producers recall`);
        const lotKeys = parseLotKeys(lotKeysArg);
        const reason = parseText(reasonArg ?? '', 'reason', MAX_REASON_LENGTH);
        const recall = { active: true, reason, by: caller, txId: ctx.stub.getTxID(), timestamp: txTime(ctx) };
        for (const lotKey of lotKeys) await putJson(ctx, key(ctx, RECALL, lotKey), recall);
        emit(ctx, 'Recalled', { lotKeys, by: caller, reason });
        return JSON.stringify({ lotKeys, txId: recall.txId });
    }

    /** Ends recalls once the hazard is resolved; regulators only. Every lot must be recalled now. */
    async LiftRecall(ctx, lotKeysArg) {
        const caller = invoker(ctx);
        const role = await roleOf(ctx, caller);
        if (role !== 'Regulator') fail('RoleNotAllowed', `${caller} is a ${role}; only regulators lift recalls`);
        const lotKeys = parseLotKeys(lotKeysArg);
        const txId = ctx.stub.getTxID();
        const liftedAt = txTime(ctx);
        for (const lotKey of lotKeys) {
            const recallKey = key(ctx, RECALL, lotKey);
            const recall = await getJson(ctx, recallKey);
            if (!recall || !recall.active) fail('NotRecalled', `lot ${lotKey} is not recalled`);
            await putJson(ctx, recallKey, { ...recall, active: false, liftedBy: caller, liftTxId: txId, liftedAt });
        }
        emit(ctx, 'RecallLifted', { lotKeys, by: caller });
        return JSON.stringify({ lotKeys, txId });
    }

    /** { active, reason, by, txId, timestamp[, liftedBy, liftTxId, liftedAt] }; all null for a lot never recalled. */
    async RecallOf(ctx, lotKeyArg) {
        const lotKey = parseHash(lotKeyArg, 'lot key');
        const recall = await getJson(ctx, key(ctx, RECALL, lotKey));
        return JSON.stringify(recall ?? { active: false, reason: null, by: null, txId: null, timestamp: null });
    }

    async unknownTransaction(ctx) {
        fail('UnknownFunction', `${ctx.stub.getFunctionAndParameters().fcn} is not a function of TraceRegistry`);
    }
}

function invoker(ctx) {
    return ctx.clientIdentity.getMSPID();
}

function key(ctx, type, id) {
    return ctx.stub.createCompositeKey(type, [id]);
}

async function getJson(ctx, stateKey) {
    const bytes = await ctx.stub.getState(stateKey);
    return bytes && bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : null;
}

async function putJson(ctx, stateKey, value) {
    await ctx.stub.putState(stateKey, Buffer.from(JSON.stringify(value), 'utf8'));
}

async function roleOf(ctx, mspId) {
    return (await getJson(ctx, key(ctx, ORG, mspId)))?.role ?? 'None';
}

async function admins(ctx) {
    const found = [];
    const iterator = await ctx.stub.getStateByPartialCompositeKey(ADMIN, []);
    try {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
            found.push(JSON.parse(next.value.value.toString('utf8')).mspId);
        }
    } finally {
        await iterator.close();
    }
    return found;
}

async function requireAdmin(ctx) {
    const caller = invoker(ctx);
    if (!(await admins(ctx)).includes(caller)) fail('NotAdmin', `${caller} is not an admin`);
}

/** The transaction's timestamp (set by the client, checked by the peers to be recent) in RFC 3339 UTC. */
function txTime(ctx) {
    return ctx.stub.getDateTimestamp().toISOString();
}

function emit(ctx, name, payload) {
    ctx.stub.setEvent(name, Buffer.from(JSON.stringify(payload), 'utf8'));
}

module.exports = { TraceRegistry };
