'use strict';
// Encodes fixed gateway messages with @hyperledger/fabric-protos (generated from hyperledger/fabric-protos by its
// maintainers) and prints { name: base64 }: an independent encoder for the hand-written gateway.proto.
const { gateway, common, peer, orderer } = require('@hyperledger/fabric-protos');

const bytes = (...b) => Uint8Array.from(b);
const proposal = () => { const p = new peer.SignedProposal(); p.setProposalBytes(bytes(1, 2, 3)); p.setSignature(bytes(4, 5)); return p; };
const envelope = () => { const e = new common.Envelope(); e.setPayload(bytes(9, 8)); e.setSignature(bytes(7)); return e; };
const out = {};
const add = (name, message) => { out[name] = Buffer.from(message.serializeBinary()).toString('base64'); };

let m = new gateway.EndorseRequest();
m.setTransactionId('tx-1'); m.setChannelId('trace'); m.setProposedTransaction(proposal()); m.setEndorsingOrganizationsList(['Org1MSP', 'Org2MSP']);
add('EndorseRequest', m);
m = new gateway.EndorseResponse(); m.setPreparedTransaction(envelope()); add('EndorseResponse', m);
m = new gateway.SubmitRequest(); m.setTransactionId('tx-1'); m.setChannelId('trace'); m.setPreparedTransaction(envelope()); add('SubmitRequest', m);
m = new gateway.SignedCommitStatusRequest(); m.setRequest(bytes(1)); m.setSignature(bytes(2)); add('SignedCommitStatusRequest', m);
m = new gateway.CommitStatusRequest(); m.setTransactionId('tx-1'); m.setChannelId('trace'); m.setIdentity(bytes(3, 4)); add('CommitStatusRequest', m);
m = new gateway.CommitStatusResponse(); m.setResult(peer.TxValidationCode.MVCC_READ_CONFLICT); m.setBlockNumber(123456789012); add('CommitStatusResponse', m);
m = new gateway.EvaluateRequest();
m.setTransactionId('tx-1'); m.setChannelId('trace'); m.setProposedTransaction(proposal()); m.setTargetOrganizationsList(['Org3MSP']);
add('EvaluateRequest', m);
const response = new peer.Response(); response.setStatus(200); response.setMessage('ok'); response.setPayload(bytes(0xff));
m = new gateway.EvaluateResponse(); m.setResult(response); add('EvaluateResponse', m);
m = new gateway.SignedChaincodeEventsRequest(); m.setRequest(bytes(5)); m.setSignature(bytes(6)); add('SignedChaincodeEventsRequest', m);
const specified = new orderer.SeekSpecified(); specified.setNumber(42);
const position = new orderer.SeekPosition(); position.setSpecified(specified);
m = new gateway.ChaincodeEventsRequest();
m.setChannelId('trace'); m.setChaincodeId('trace-registry'); m.setIdentity(bytes(3, 4)); m.setStartPosition(position); m.setAfterTransactionId('tx-0');
add('ChaincodeEventsRequest', m);
const event = new peer.ChaincodeEvent(); event.setChaincodeId('trace-registry'); event.setTxId('tx-1'); event.setEventName('Anchored'); event.setPayload(bytes(0x7b, 0x7d));
m = new gateway.ChaincodeEventsResponse(); m.setEventsList([event]); m.setBlockNumber(42); add('ChaincodeEventsResponse', m);
m = new gateway.ErrorDetail(); m.setAddress('127.0.0.1:7051'); m.setMspId('Org1MSP'); m.setMessage('chaincode response 500, NotAnchored: x'); add('ErrorDetail', m);

process.stdout.write(JSON.stringify(out));
