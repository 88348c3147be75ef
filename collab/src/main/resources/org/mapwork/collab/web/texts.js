// The page's words in English and Spanish; the language follows the browser unless the person switches it.

const TEXTS = {
  en: {
    'status.connecting': 'Connecting…',
    'status.online': 'Online',
    'status.offline': 'Offline — your changes are kept',
    'status.offlineWaiting': 'Offline — your changes are kept ({0} to send)',
    'status.refused': 'Refused: {0}',
    'status.wrongToken': 'wrong key: ask for the join address again',
    'status.noMap': 'this map is not shared here',
    'status.noToken': 'the address has no key (the part after #)',
    'status.refusedChange': 'Not applied: {0}',
    'join.name': 'Your name',
    'join.button': 'Join',
    'tools.type': 'Type',
    'tools.add': 'Add',
    'tools.linkType': 'Link',
    'tools.connect': 'Connect',
    'tools.lower': 'Tower −',
    'tools.raise': 'Tower +',
    'tools.below': 'Add precondition below',
    'tools.lineUp': '↑',
    'tools.lineDown': '↓',
    'step.back': '‹',
    'step.next': '›',
    'step.count': 'Step {0} of {1}:',
    'sheet.add': 'Add',
    'sheet.newGoal': 'New goal',
    'sheet.stanceOf': 'Stance of {0}',
    'hint.newBelow': 'Name of what leads to {0}',
    'edit.goalGive': 'Give the goal "{0}" to {1}',
    'edit.goalTake': 'Take the goal "{0}" from {1}',
    'edit.goalAdd': 'Add goal "{0}"',
    'edit.stance': 'Stance of "{0}": {1}',
    'edit.rowAdd': 'Add "{0}" to {1}',
    'edit.below': 'Add precondition "{0}" below {1}',
    'edit.line': 'Move the {0}',
    'tools.pen': 'Pen',
    'tools.pictogram': 'Pictogram',
    'tools.stamp': 'Stamp',
    'hint.pen': 'Draw on the map with the pointer or a finger (Esc stops).',
    'edit.stroke': 'Draw a stroke',
    'edit.stamp': 'Stamp {0}',
    'tools.rename': 'Rename',
    'tools.delete': 'Delete',
    'tools.undo': 'Undo',
    'tools.redo': 'Redo',
    'hint.connect': 'Click the node the link starts at, then the one it goes to (Esc stops).',
    'hint.connectTarget': 'Now click the node the link goes to.',
    'hint.newName': 'Name of the new {0}',
    'people.you': '{0} (you)',
    'language.switch': 'Español',
    'findings.button': 'Findings ({0})',
    'findings.title': 'What the map still lacks',
    'notice.leftOut': 'Some parts of the map are too large to show here: {0}',
    'edit.move': 'Move {0}',
    'edit.rename': 'Rename {0}',
    'edit.add': 'Add {0}',
    'edit.connect': 'Connect {0} to {1}',
    'edit.delete': 'Delete {0}',
    'edit.tower': 'Tower of {0} to {1}',
    'edit.undo': 'Undo: {0}',
    'edit.redo': 'Redo: {0}',
  },
  es: {
    'status.connecting': 'Conectando…',
    'status.online': 'En línea',
    'status.offline': 'Sin conexión — tus cambios se guardan',
    'status.offlineWaiting': 'Sin conexión — tus cambios se guardan ({0} por enviar)',
    'status.refused': 'Rechazado: {0}',
    'status.wrongToken': 'clave incorrecta: pide de nuevo la dirección para unirte',
    'status.noMap': 'este mapa no se comparte aquí',
    'status.noToken': 'la dirección no tiene clave (la parte tras #)',
    'status.refusedChange': 'No aplicado: {0}',
    'join.name': 'Tu nombre',
    'join.button': 'Unirme',
    'tools.type': 'Tipo',
    'tools.add': 'Añadir',
    'tools.linkType': 'Vínculo',
    'tools.connect': 'Conectar',
    'tools.lower': 'Torre −',
    'tools.raise': 'Torre +',
    'tools.below': 'Agregar precondición debajo',
    'tools.lineUp': '↑',
    'tools.lineDown': '↓',
    'step.back': '‹',
    'step.next': '›',
    'step.count': 'Paso {0} de {1}:',
    'sheet.add': 'Agregar',
    'sheet.newGoal': 'Nuevo objetivo',
    'sheet.stanceOf': 'Postura de {0}',
    'hint.newBelow': 'Nombre de lo que lleva a {0}',
    'edit.goalGive': 'Darle el objetivo "{0}" a {1}',
    'edit.goalTake': 'Quitarle el objetivo "{0}" a {1}',
    'edit.goalAdd': 'Agregar el objetivo "{0}"',
    'edit.stance': 'Postura de "{0}": {1}',
    'edit.rowAdd': 'Agregar "{0}" a {1}',
    'edit.below': 'Agregar la precondición "{0}" debajo de {1}',
    'edit.line': 'Mover: {0}',
    'tools.pen': 'Lápiz',
    'tools.pictogram': 'Pictograma',
    'tools.stamp': 'Estampar',
    'hint.pen': 'Dibuje en el mapa con el puntero o un dedo (Esc termina).',
    'edit.stroke': 'Dibujar un trazo',
    'edit.stamp': 'Estampar {0}',
    'tools.rename': 'Renombrar',
    'tools.delete': 'Borrar',
    'tools.undo': 'Deshacer',
    'tools.redo': 'Rehacer',
    'hint.connect': 'Pulsa el nodo donde empieza el vínculo y luego al que va (Esc para salir).',
    'hint.connectTarget': 'Ahora pulsa el nodo al que va el vínculo.',
    'hint.newName': 'Nombre del nuevo elemento ({0})',
    'people.you': '{0} (tú)',
    'language.switch': 'English',
    'findings.button': 'Observaciones ({0})',
    'findings.title': 'Lo que le falta al mapa',
    'notice.leftOut': 'Algunas partes del mapa son demasiado grandes para mostrarlas aquí: {0}',
    'edit.move': 'Mover {0}',
    'edit.rename': 'Renombrar {0}',
    'edit.add': 'Añadir {0}',
    'edit.connect': 'Conectar {0} con {1}',
    'edit.delete': 'Borrar {0}',
    'edit.tower': 'Torre de {0} a {1}',
    'edit.undo': 'Deshacer: {0}',
    'edit.redo': 'Rehacer: {0}',
  },
};

const STORE = 'mapwork.language';

/** The language the page speaks: the person's choice, else the browser's (Spanish or English). */
export function language() {
  const chosen = localStorage.getItem(STORE);
  if (chosen === 'en' || chosen === 'es') {
    return chosen;
  }
  return (navigator.language || 'en').toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function setLanguage(lang) {
  localStorage.setItem(STORE, lang);
}

/** The text for a key with {0}, {1}… filled in; a missing key shows as itself, in brackets, so it is noticed. */
export function text(key, ...args) {
  const t = TEXTS[language()][key] ?? `[${key}]`;
  return t.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** Fills every element with a data-text attribute with its text. */
export function translatePage(root) {
  root.documentElement.lang = language();
  for (const e of root.querySelectorAll('[data-text]')) {
    e.textContent = text(e.dataset.text);
  }
}
