// The trace graph: cytoscape with the dagre layered layout (left to right, the way goods flow), marks from the API.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import svg from 'cytoscape-svg';

cytoscape.use(dagre);
cytoscape.use(svg);

// 9-pixel labels drawn at 8 pixels or more.
const READABLE_ZOOM = 0.9;

export function drawGraph(container, graph, onSelect) {
  // An organisation appears as a party (/417/) and as a place (/414/) with the same GLN: one node for both.
  const ids = new Set(graph.nodes.map((n) => n.id));
  const alias = (id) => (id.startsWith('/414/') && ids.has('/417/' + id.slice(5)) ? '/417/' + id.slice(5) : id);
  const nodes = graph.nodes.filter((n) => alias(n.id) === n.id);
  const seen = new Set();
  const edges = graph.edges.map((e) => ({ ...e, from: alias(e.from), to: alias(e.to) }))
    .filter((e) => e.from !== e.to && ids.has(e.from) && ids.has(e.to) && !seen.has(`${e.from}|${e.to}|${e.kind}`) && seen.add(`${e.from}|${e.to}|${e.kind}`));
  const elements = [
    ...nodes.map((n) => ({ data: { id: n.id, label: (n.kind === 'party' && n.id.startsWith('/414/') ? '📍 ' : '') + n.label, node: n },
      classes: [n.kind, n.recalled && 'recalled', n.nonConformant && 'nonconformant', n.kind === 'party' && !n.member && 'third', n.root && 'root'].filter(Boolean).join(' ') })),
    // Beyond a few dozen edges their labels pile into a grey fan beside the lot they leave; the kind stays in the data.
    ...edges.map((e, i) => ({ data: { id: `e${i}`, source: e.from, target: e.to, kind: e.kind, label: edges.length > 60 ? '' : e.kind } })),
  ];
  const started = performance.now();
  const cy = cytoscape({
    container, elements, wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'text-wrap': 'wrap', 'text-max-width': 110, 'text-valign': 'bottom', 'text-margin-y': 4,
        'background-color': '#4b6f9e', width: 22, height: 22 } },
      { selector: 'node.unit', style: { shape: 'round-rectangle', 'background-color': '#8a6d3b' } },
      { selector: 'node.party', style: { shape: 'diamond', 'background-color': '#57606a' } },
      { selector: 'node.third', style: { 'background-color': '#ffffff', 'border-width': 2, 'border-style': 'dashed', 'border-color': '#57606a' } },
      { selector: 'node.nonconformant', style: { 'border-width': 4, 'border-color': '#e36209' } },
      { selector: 'node.recalled', style: { 'background-color': '#b3261e' } },
      { selector: 'node.root', style: { width: 32, height: 32, 'font-weight': 'bold' } },
      { selector: 'node:selected', style: { 'overlay-opacity': 0.2, 'overlay-color': '#0969da' } },
      { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'line-color': '#9aa4ae', 'target-arrow-color': '#9aa4ae',
        label: 'data(label)', 'font-size': 8, color: '#57606a' } },
    ],
    layout: { name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 110, edgeSep: 10, fit: true, padding: 16 },
  });
  // The dagre layout runs inside the constructor: what it took and what it drew, for tests and the curious.
  container.dataset.layoutMs = String(Math.round(performance.now() - started));
  container.dataset.nodeCount = String(cy.nodes().length);
  // A wide fan-out (a harvest graded into 150 lots stacks them in one rank) fitted whole is a sliver of dots with
  // sub-pixel labels: open it instead where labels can be read, on the traced lot; the wheel or a pinch shows the rest.
  container.dataset.fittedZoom = cy.zoom().toFixed(3);
  if (cy.zoom() < READABLE_ZOOM) { cy.zoom(READABLE_ZOOM); cy.center(cy.nodes('.root')); }
  cy.on('tap', 'node', (e) => onSelect(e.target.data('node')));
  window.traceGraph = cy; // for tests and the curious
  return cy;
}
