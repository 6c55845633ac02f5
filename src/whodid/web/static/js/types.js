// PLOVER event types, in the ontology's order (cooperation first, force last), and one fixed
// colour each: blues for talk, greens for material help, warm colours for pressure and force.

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

const COLOURS = {
  AGREE: "#1d4f91",
  CONSULT: "#3f83c9",
  SUPPORT: "#86bbe6",
  CONCEDE: "#12786d",
  COOPERATE: "#2e9e5b",
  AID: "#86c96f",
  RETREAT: "#9c9a3c",
  REQUEST: "#7d5cb8",
  ACCUSE: "#d9a21b",
  REJECT: "#b8870f",
  THREATEN: "#e8782a",
  PROTEST: "#d2559b",
  SANCTION: "#8a5a44",
  MOBILIZE: "#4b3f8f",
  COERCE: "#c73a2e",
  ASSAULT: "#7a1212",
};

export const OTHER_COLOUR = "#8a8f98";

export function typeColour(type) {
  return Object.hasOwn(COLOURS, type) ? COLOURS[type] : OTHER_COLOUR;
}

export function isPloverType(type) {
  return Object.hasOwn(COLOURS, type);
}

// Types sorted in PLOVER order, unknown ones last by name.
export function inTypeOrder(types) {
  const rank = (type) => {
    const at = PLOVER_TYPES.indexOf(type);
    return at < 0 ? PLOVER_TYPES.length : at;
  };
  return [...types].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}
