'use strict';

// Entry point read by fabric-chaincode-node (package.json "main"): the contracts this chaincode serves.
const { TraceRegistry } = require('./lib/trace-registry');

module.exports.TraceRegistry = TraceRegistry;
module.exports.contracts = [TraceRegistry];
