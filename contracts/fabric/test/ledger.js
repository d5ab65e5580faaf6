'use strict';

// An in-memory world state with Fabric's transaction semantics, for unit tests of the contract:
// reads see only committed state, writes are staged and committed when the function returns, a thrown
// error discards them, and a transaction keeps its last event only.

const crypto = require('node:crypto');
const { ChaincodeStub } = require('fabric-shim');

class Ledger {
    constructor() {
        this.state = new Map();
        this.events = [];
        this.clock = Date.parse('2026-11-12T08:00:00Z');
    }

    /** Runs contract[fn](ctx, ...args) as a transaction of mspId; returns the parsed JSON result. */
    async invoke(contract, mspId, fn, ...args) {
        const writes = new Map();
        let event = null;
        const txId = crypto.randomBytes(32).toString('hex');
        this.clock += 1000;
        const now = new Date(this.clock);
        const state = this.state;
        const stub = {
            createCompositeKey: (type, attributes) => ChaincodeStub.prototype.createCompositeKey.call(null, type, attributes),
            getState: async (key) => state.get(key) ?? Buffer.alloc(0),
            putState: async (key, value) => { writes.set(key, Buffer.from(value)); },
            deleteState: async (key) => { writes.set(key, null); },
            getStateByPartialCompositeKey: async (type, attributes) => {
                const prefix = stub.createCompositeKey(type, attributes);
                const rows = [...state.entries()].filter(([k]) => k.startsWith(prefix)).sort(([a], [b]) => (a < b ? -1 : 1));
                let i = 0;
                return {
                    next: async () => (i < rows.length ? { value: { key: rows[i][0], value: rows[i++][1] }, done: false } : { done: true }),
                    close: async () => {},
                };
            },
            getTxID: () => txId,
            getDateTimestamp: () => now,
            getFunctionAndParameters: () => ({ fcn: fn, params: args }),
            setEvent: (name, payload) => { event = { name, payload: JSON.parse(Buffer.from(payload).toString('utf8')) }; },
        };
        const ctx = { stub, clientIdentity: { getMSPID: () => mspId } };
        const result = await contract[fn](ctx, ...args);
        for (const [key, value] of writes) {
            if (value === null) state.delete(key);
            else state.set(key, value);
        }
        if (event) this.events.push({ ...event, txId });
        return { txId, result: JSON.parse(result), timestamp: now.toISOString() };
    }
}

module.exports = { Ledger };
