// The engine's learner messages (reports, failed checks, a Run's budget errors) in the widget's
// languages other than English, by the engine's message key, and `engineText()` that words a
// keyed message in the page's language.
//
// English is not here: the English templates live once, in crates/engine/src/message.rs, and
// the engine sends each message already worded in English (`message`, or a Run's `error`)
// beside its key and arguments. The widget shows that text as it is on an English page, and
// for a key a catalog below lacks (an engine newer than the widget). The generated schema
// docs/schema/engine.schema.json lists every key with its English template (`x-english`);
// www/tests/i18n.test.mjs checks each language here against it.
//
// A template is paragraphs separated by a blank line, with `{name}` placeholders, or
// `{name=default}` for an argument that may be left out; a paragraph whose placeholders are
// all missing is left out (as message.rs renders them). Text arguments (the learner's
// exception, code, output, the check's own message) are inserted as they are; numbers are
// written in the page's language.
import { formatValue, localeOf } from "./i18n.js";

/** @import { Catalog } from "./i18n.js" */
/** @import { MessageKey } from "./engine.js" */

/** @type {Record<string, Record<MessageKey, string>>} */
export const ENGINE_MESSAGES = {
  de: {
    syntax_error: "Dein Code hat einen Syntaxfehler:\n{traceback}",
    raised_while_loading: "Dein Code hat beim Laden eine Ausnahme ausgelöst:\n{traceback}",
    exited_while_loading: "Dein Code hat sich beim Laden beendet:\n{traceback}",
    raised: "Dein Code hat eine Ausnahme ausgelöst:\n{traceback}",
    exited_during_check: "Dein Code hat sich während der Prüfung beendet:\n{traceback}",
    raised_in_hidden_check: "{check_message}\n\nDein Code hat während dieser verdeckten Prüfung {exception=eine Ausnahme} ausgelöst.",
    tests_not_loaded: "Die Tests konnten nicht geladen werden:\n{traceback}",
    no_tests: "Die unittest-Prüfung enthält keine Tests (TestCase-Klassen oder test_*-Funktionen).",
    helper_module_failed: "Das Hilfsmodul {module}.py der Übung konnte nicht geladen werden:\n{error}",
    check_failed: "{check_message}\n\n{detail}",
    output_differs: "{check_message}\n\nErwartete Ausgabe:\n{expected}\nDeine Ausgabe:\n{actual}\n\nDer erste Unterschied ist in Zeile {line}, Spalte {column}.",
    output_does_not_match: "{check_message}\n\nErwartet war eine Ausgabe passend zu:\n{expected}\nDeine Ausgabe:\n{actual}",
    nothing_printed: "{check_message}\n\nErwartete Ausgabe:\n{expected}\nDeine Ausgabe:\n(nichts)",
    nothing_printed_for_pattern: "{check_message}\n\nErwartet war eine Ausgabe passend zu:\n{expected}\nDeine Ausgabe:\n(nichts)",
    missing_construct: "{check_message}\n\nDein Code verwendet `{construct}` nicht.",
    forbidden_construct: "{check_message}\n\nZeile {line} verwendet `{construct}`.",
    missing_call: "{check_message}\n\nDein Code ruft `{name}()` nie auf.",
    forbidden_call: "{check_message}\n\nZeile {line} ruft `{name}()` auf.",
    time_budget: "Dein Code lief länger als {seconds} s und wurde gestoppt. Gibt es eine Schleife, die nie endet?",
    skipped_for_time: "Nicht ausgeführt: Die vorherigen Prüfungen haben die Zeit für diese Abgabe aufgebraucht.",
    memory_budget: "{check_message}\n\nDein Code wollte mehr Speicher als die {mib} MiB, die pykata erlaubt, und wurde gestoppt. Wächst etwas ohne Ende, oder ist eine Zahl viel zu groß?\n\n{traceback}",
    recursion_budget: "{check_message}\n\nDein Code ging mehr als {limit} Aufrufe tief und wurde gestoppt. Ruft sich eine Funktion selbst auf (oder verwendet ein `__repr__`, `__eq__` oder `__getattr__` sich selbst), ohne je einen Fall zu erreichen, der endet?\n\n{traceback}",
    stack_overflow: "Dein Code hat so tief rekursiert oder Daten so tief verschachtelt, dass Python selbst der Stapel ausging und es abstürzte; es wurde neu gestartet. Ruft oder enthält sich etwas ohne Ende selbst?",
    crashed: "Python ist beim Ausführen deines Codes abgestürzt ({how}) und wurde neu gestartet.",
    not_equal: "{check_message}\n\nerwartet {expected}, erhalten {actual}",
    not_equal_because: "{check_message}\n\n{reason}: erwartet {expected}, erhalten {actual}",
    decorator_not_callable: "{check_message}\n\n{label=dein Dekorator} ist nicht aufrufbar (erhalten: {got})",
    decorator_returned_none: "{check_message}\n\n{label=dein Dekorator} hat None zurückgegeben — `return wrapper` vergessen?",
    decorator_returned_uncallable: "{check_message}\n\n{label=dein Dekorator} hat {got} zurückgegeben, das nicht aufrufbar ist — gib die Wrapper-Funktion selbst zurück",
    wrapper_name: "{check_message}\n\ndie dekorierte Funktion heißt {actual} statt {expected} — dekoriere deinen Wrapper mit @functools.wraps(func)",
    wrapper_docstring: "{check_message}\n\ndie dekorierte Funktion hat ihren Docstring verloren — dekoriere deinen Wrapper mit @functools.wraps(func)",
    wrapper_not_wrapped: "{check_message}\n\ndie dekorierte Funktion hat kein __wrapped__, das auf das Original zeigt — @functools.wraps(func) setzt es für dich",
    read_ahead: "{check_message}\n\ndein Code hat mehr als {limit} Elemente aus der Quelle gelesen, bevor er eines zurückgab — er baut die ganze Liste, bevor er etwas liefert; gib die Elemente mit yield nach und nach zurück",
    not_lazy: "{check_message}\n\n{label=deine Funktion} hat ein {type} zurückgegeben — sie baut das ganze Ergebnis, bevor sie etwas davon liefert; erzeuge die Elemente mit `yield` einzeln",
    generator_returned_none: "{check_message}\n\n{label=deine Funktion} hat None zurückgegeben — eine Generatorfunktion braucht mindestens ein `yield`",
    not_an_iterator: "{check_message}\n\n{label=deine Funktion} hat {got} zurückgegeben, das ist kein Iterator — verwende `yield`",
    nothing_raised: "{check_message}\n\nerwartet war, dass {exception} ausgelöst wird, aber es wurde nichts ausgelöst",
    with_not_entered: "{check_message}\n\nder with-Block hat nie begonnen: beim Betreten wurde {escaped} ausgelöst",
    with_swallowed: "{check_message}\n\ndie im with-Block ausgelöste Ausnahme wurde stillschweigend verschluckt — `__exit__` muss False (oder None) zurückgeben, wenn es sie nicht unterdrücken soll",
    with_replaced: "{check_message}\n\nder with-Block hat {raised} ausgelöst, aber stattdessen kam {escaped} heraus",
    with_not_suppressed: "{check_message}\n\n{raised}, im with-Block ausgelöst, kam heraus, hätte aber unterdrückt werden sollen",
    not_callable: "{check_message}\n\netwas Aufrufbares erwartet, bekommen: {got}",
    not_a_context_manager: "{check_message}\n\n{got} ist kein Kontextmanager: seine Klasse hat keine Methode `{method}` — ein Kontextmanager braucht `__enter__` und `__exit__`",
    generator_not_context_manager: "{check_message}\n\n{got} ist ein Generator, kein Kontextmanager — dekoriere die Generatorfunktion mit @contextlib.contextmanager",
    enter_returned_none: "{check_message}\n\n`with ... as value` ergab None: `__enter__` gibt nichts zurück — fehlt `return self`? (erwartet: {expected})",
    enter_returned: "{check_message}\n\n`with ... as value` ergab {got}, sollte aber {expected} sein — `as` bindet, was `__enter__` zurückgibt",
    exit_raised: "{check_message}\n\n`__exit__` hat selbst {escaped} ausgelöst, während es {raised} behandelte — es nimmt (exc_type, exc, traceback) und gibt True zurück, um die Ausnahme zu unterdrücken",
  },
  es: {
    syntax_error: "Tu código tiene un error de sintaxis:\n{traceback}",
    raised_while_loading: "Tu código lanzó una excepción al cargarse:\n{traceback}",
    exited_while_loading: "Tu código terminó (exit) al cargarse:\n{traceback}",
    raised: "Tu código lanzó una excepción:\n{traceback}",
    exited_during_check: "Tu código terminó (exit) durante la comprobación:\n{traceback}",
    raised_in_hidden_check: "{check_message}\n\nTu código lanzó {exception=una excepción} durante esta comprobación oculta.",
    tests_not_loaded: "No se pudieron cargar las pruebas:\n{traceback}",
    no_tests: "La comprobación unittest no tiene pruebas (clases TestCase o funciones test_*).",
    helper_module_failed: "No se pudo cargar el módulo auxiliar {module}.py del ejercicio:\n{error}",
    check_failed: "{check_message}\n\n{detail}",
    output_differs: "{check_message}\n\nSalida esperada:\n{expected}\nTu salida:\n{actual}\n\nLa primera diferencia está en la línea {line}, columna {column}.",
    output_does_not_match: "{check_message}\n\nSe esperaba una salida que coincida con:\n{expected}\nTu salida:\n{actual}",
    nothing_printed: "{check_message}\n\nSalida esperada:\n{expected}\nTu salida:\n(nada)",
    nothing_printed_for_pattern: "{check_message}\n\nSe esperaba una salida que coincida con:\n{expected}\nTu salida:\n(nada)",
    missing_construct: "{check_message}\n\nTu código no usa `{construct}`.",
    forbidden_construct: "{check_message}\n\nLa línea {line} usa `{construct}`.",
    missing_call: "{check_message}\n\nTu código nunca llama a `{name}()`.",
    forbidden_call: "{check_message}\n\nLa línea {line} llama a `{name}()`.",
    time_budget: "Tu código se ejecutó durante más de {seconds} s y se detuvo. ¿Hay algún bucle que nunca termina?",
    skipped_for_time: "No se ejecutó: las comprobaciones anteriores agotaron el tiempo de esta entrega.",
    memory_budget: "{check_message}\n\nTu código pidió más memoria que los {mib} MiB que permite pykata y se detuvo. ¿Hay algo que crece sin fin, o un número demasiado grande?\n\n{traceback}",
    recursion_budget: "{check_message}\n\nTu código superó los {limit} niveles de llamadas y se detuvo. ¿Hay una función que se llama a sí misma (o un `__repr__`, `__eq__` o `__getattr__` que se usa a sí mismo) sin llegar nunca a un caso que la detenga?\n\n{traceback}",
    stack_overflow: "Tu código se llamó a sí mismo o anidó datos tan profundamente que Python se quedó sin pila y falló; se ha reiniciado. ¿Hay algo que se llama o se contiene a sí mismo sin fin?",
    crashed: "Python falló al ejecutar tu código ({how}); se ha reiniciado.",
    not_equal: "{check_message}\n\nse esperaba {expected}, se obtuvo {actual}",
    not_equal_because: "{check_message}\n\n{reason}: se esperaba {expected}, se obtuvo {actual}",
    decorator_not_callable: "{check_message}\n\n{label=tu decorador} no se puede llamar (se obtuvo {got})",
    decorator_returned_none: "{check_message}\n\n{label=tu decorador} devolvió None — ¿olvidaste `return wrapper`?",
    decorator_returned_uncallable: "{check_message}\n\n{label=tu decorador} devolvió {got}, que no se puede llamar — devuelve la propia función envoltorio (wrapper)",
    wrapper_name: "{check_message}\n\nla función decorada se llama {actual} en lugar de {expected} — decora tu wrapper con @functools.wraps(func)",
    wrapper_docstring: "{check_message}\n\nla función decorada perdió su docstring — decora tu wrapper con @functools.wraps(func)",
    wrapper_not_wrapped: "{check_message}\n\nla función decorada no tiene un __wrapped__ que apunte a la original — @functools.wraps(func) lo pone por ti",
    read_ahead: "{check_message}\n\ntu código leyó más de {limit} elementos de la fuente antes de devolver alguno — construye la lista entera antes de entregar nada; entrega los elementos con yield según avanzas",
    not_lazy: "{check_message}\n\n{label=tu función} devolvió un {type} — construye el resultado entero antes de entregar nada; usa `yield` para producir los elementos de uno en uno",
    generator_returned_none: "{check_message}\n\n{label=tu función} devolvió None — una función generadora necesita al menos un `yield`",
    not_an_iterator: "{check_message}\n\n{label=tu función} devolvió {got}, que no es un iterador — usa `yield`",
    nothing_raised: "{check_message}\n\nse esperaba que se lanzara {exception}, pero no se lanzó nada",
    with_not_entered: "{check_message}\n\nel bloque with nunca empezó: al entrar se lanzó {escaped}",
    with_swallowed: "{check_message}\n\nla excepción lanzada dentro del bloque with se suprimió en silencio — `__exit__` debe devolver False (o None) salvo que quiera suprimirla",
    with_replaced: "{check_message}\n\nel bloque with lanzó {raised}, pero salió {escaped} en su lugar",
    with_not_suppressed: "{check_message}\n\n{raised}, lanzada dentro del bloque with, salió del bloque, pero debería haberse suprimido",
    not_callable: "{check_message}\n\nse esperaba algo que se pudiera llamar, se obtuvo {got}",
    not_a_context_manager: "{check_message}\n\n{got} no es un gestor de contexto: su clase no tiene el método `{method}` — un gestor de contexto necesita `__enter__` y `__exit__`",
    generator_not_context_manager: "{check_message}\n\n{got} es un generador, no un gestor de contexto — decora la función generadora con @contextlib.contextmanager",
    enter_returned_none: "{check_message}\n\n`with ... as value` dio None: `__enter__` no devuelve nada — ¿olvidaste `return self`? (se esperaba {expected})",
    enter_returned: "{check_message}\n\n`with ... as value` dio {got}, pero debería ser {expected} — `as` enlaza lo que devuelve `__enter__`",
    exit_raised: "{check_message}\n\n`__exit__` lanzó {escaped} mientras manejaba {raised} — recibe (exc_type, exc, traceback) y devuelve True para suprimir la excepción",
  },
  fr: {
    syntax_error: "Votre code contient une erreur de syntaxe :\n{traceback}",
    raised_while_loading: "Votre code a levé une exception au chargement :\n{traceback}",
    exited_while_loading: "Votre code s'est terminé (exit) au chargement :\n{traceback}",
    raised: "Votre code a levé une exception :\n{traceback}",
    exited_during_check: "Votre code s'est terminé (exit) pendant la vérification :\n{traceback}",
    raised_in_hidden_check: "{check_message}\n\nVotre code a levé {exception=une exception} pendant cette vérification cachée.",
    tests_not_loaded: "Les tests n'ont pas pu être chargés :\n{traceback}",
    no_tests: "La vérification unittest ne contient aucun test (classes TestCase ou fonctions test_*).",
    helper_module_failed: "Le module auxiliaire {module}.py de l'exercice n'a pas pu être chargé :\n{error}",
    check_failed: "{check_message}\n\n{detail}",
    output_differs: "{check_message}\n\nSortie attendue :\n{expected}\nVotre sortie :\n{actual}\n\nLa première différence est à la ligne {line}, colonne {column}.",
    output_does_not_match: "{check_message}\n\nSortie attendue correspondant à :\n{expected}\nVotre sortie :\n{actual}",
    nothing_printed: "{check_message}\n\nSortie attendue :\n{expected}\nVotre sortie :\n(rien)",
    nothing_printed_for_pattern: "{check_message}\n\nSortie attendue correspondant à :\n{expected}\nVotre sortie :\n(rien)",
    missing_construct: "{check_message}\n\nVotre code n'utilise pas `{construct}`.",
    forbidden_construct: "{check_message}\n\nLa ligne {line} utilise `{construct}`.",
    missing_call: "{check_message}\n\nVotre code n'appelle jamais `{name}()`.",
    forbidden_call: "{check_message}\n\nLa ligne {line} appelle `{name}()`.",
    time_budget: "Votre code a tourné plus de {seconds} s et a été arrêté. Y a-t-il une boucle qui ne se termine jamais ?",
    skipped_for_time: "Non exécutée : les vérifications précédentes ont épuisé le temps de cette soumission.",
    memory_budget: "{check_message}\n\nVotre code a demandé plus de mémoire que les {mib} Mio autorisés par pykata et a été arrêté. Quelque chose grandit-il sans fin, ou un nombre est-il bien trop grand ?\n\n{traceback}",
    recursion_budget: "{check_message}\n\nVotre code a dépassé {limit} appels imbriqués et a été arrêté. Une fonction s'appelle-t-elle elle-même (ou un `__repr__`, `__eq__` ou `__getattr__` s'utilise-t-il lui-même) sans jamais atteindre un cas d'arrêt ?\n\n{traceback}",
    stack_overflow: "Votre code a fait une récursion ou imbriqué des données si profondément que Python lui-même a manqué de pile et a planté ; il a été redémarré. Quelque chose s'appelle-t-il ou se contient-il lui-même sans fin ?",
    crashed: "Python a planté en exécutant votre code ({how}) ; il a été redémarré.",
    not_equal: "{check_message}\n\nattendu {expected}, obtenu {actual}",
    not_equal_because: "{check_message}\n\n{reason} : attendu {expected}, obtenu {actual}",
    decorator_not_callable: "{check_message}\n\n{label=votre décorateur} n'est pas appelable (obtenu {got})",
    decorator_returned_none: "{check_message}\n\n{label=votre décorateur} a renvoyé None — avez-vous oublié `return wrapper` ?",
    decorator_returned_uncallable: "{check_message}\n\n{label=votre décorateur} a renvoyé {got}, qui n'est pas appelable — renvoyez la fonction enveloppe (wrapper) elle-même",
    wrapper_name: "{check_message}\n\nla fonction décorée s'appelle {actual} au lieu de {expected} — décorez votre wrapper avec @functools.wraps(func)",
    wrapper_docstring: "{check_message}\n\nla fonction décorée a perdu sa docstring — décorez votre wrapper avec @functools.wraps(func)",
    wrapper_not_wrapped: "{check_message}\n\nla fonction décorée n'a pas de __wrapped__ pointant vers l'originale — @functools.wraps(func) le définit pour vous",
    read_ahead: "{check_message}\n\nvotre code a lu plus de {limit} éléments de la source avant d'en renvoyer un — il construit toute la liste avant de produire quoi que ce soit ; produisez les éléments avec yield au fur et à mesure",
    not_lazy: "{check_message}\n\n{label=votre fonction} a renvoyé un {type} — elle construit tout le résultat avant d'en donner une partie ; utilisez `yield` pour produire les éléments un par un",
    generator_returned_none: "{check_message}\n\n{label=votre fonction} a renvoyé None — une fonction génératrice a besoin d'au moins un `yield`",
    not_an_iterator: "{check_message}\n\n{label=votre fonction} a renvoyé {got}, qui n'est pas un itérateur — utilisez `yield`",
    nothing_raised: "{check_message}\n\n{exception} devait être levée, mais rien n'a été levé",
    with_not_entered: "{check_message}\n\nle bloc with n'a jamais commencé : {escaped} a été levée à l'entrée",
    with_swallowed: "{check_message}\n\nl'exception levée dans le bloc with a été silencieusement avalée — `__exit__` doit renvoyer False (ou None) sauf s'il veut la supprimer",
    with_replaced: "{check_message}\n\nle bloc with a levé {raised}, mais c'est {escaped} qui en est sortie",
    with_not_suppressed: "{check_message}\n\n{raised}, levée dans le bloc with, en est sortie, alors qu'elle aurait dû être supprimée",
    not_callable: "{check_message}\n\nquelque chose d'appelable était attendu, reçu {got}",
    not_a_context_manager: "{check_message}\n\n{got} n'est pas un gestionnaire de contexte : sa classe n'a pas de méthode `{method}` — un gestionnaire de contexte a besoin de `__enter__` et de `__exit__`",
    generator_not_context_manager: "{check_message}\n\n{got} est un générateur, pas un gestionnaire de contexte — décorez la fonction génératrice avec @contextlib.contextmanager",
    enter_returned_none: "{check_message}\n\n`with ... as value` a donné None : `__enter__` ne renvoie rien — avez-vous oublié `return self` ? (attendu : {expected})",
    enter_returned: "{check_message}\n\n`with ... as value` a donné {got}, mais devrait donner {expected} — `as` lie ce que renvoie `__enter__`",
    exit_raised: "{check_message}\n\n`__exit__` a lui-même levé {escaped} en traitant {raised} — il reçoit (exc_type, exc, traceback) et renvoie True pour supprimer l'exception",
  },
  hi: {
    syntax_error: "आपके कोड में सिंटैक्स त्रुटि है:\n{traceback}",
    raised_while_loading: "लोड होते समय आपके कोड ने एक्सेप्शन उठाया:\n{traceback}",
    exited_while_loading: "लोड होते समय आपका कोड बाहर निकल गया (exit):\n{traceback}",
    raised: "आपके कोड ने एक्सेप्शन उठाया:\n{traceback}",
    exited_during_check: "जाँच के दौरान आपका कोड बाहर निकल गया (exit):\n{traceback}",
    raised_in_hidden_check: "{check_message}\n\nइस छिपी जाँच के दौरान आपके कोड ने {exception=एक एक्सेप्शन} उठाया।",
    tests_not_loaded: "टेस्ट लोड नहीं हो सके:\n{traceback}",
    no_tests: "unittest जाँच में कोई टेस्ट नहीं है (TestCase क्लास या test_* फ़ंक्शन)।",
    helper_module_failed: "अभ्यास का सहायक मॉड्यूल {module}.py लोड नहीं हो सका:\n{error}",
    check_failed: "{check_message}\n\n{detail}",
    output_differs: "{check_message}\n\nअपेक्षित आउटपुट:\n{expected}\nआपका आउटपुट:\n{actual}\n\nपहला अंतर पंक्ति {line}, स्तंभ {column} पर है।",
    output_does_not_match: "{check_message}\n\nइस पैटर्न से मेल खाता आउटपुट अपेक्षित था:\n{expected}\nआपका आउटपुट:\n{actual}",
    nothing_printed: "{check_message}\n\nअपेक्षित आउटपुट:\n{expected}\nआपका आउटपुट:\n(कुछ नहीं)",
    nothing_printed_for_pattern: "{check_message}\n\nइस पैटर्न से मेल खाता आउटपुट अपेक्षित था:\n{expected}\nआपका आउटपुट:\n(कुछ नहीं)",
    missing_construct: "{check_message}\n\nआपका कोड `{construct}` का उपयोग नहीं करता।",
    forbidden_construct: "{check_message}\n\nपंक्ति {line} में `{construct}` का उपयोग है।",
    missing_call: "{check_message}\n\nआपका कोड कभी `{name}()` को कॉल नहीं करता।",
    forbidden_call: "{check_message}\n\nपंक्ति {line} `{name}()` को कॉल करती है।",
    time_budget: "आपका कोड {seconds} सेकंड से ज़्यादा चला और रोक दिया गया। क्या कोई लूप कभी ख़त्म नहीं होता?",
    skipped_for_time: "नहीं चलाया गया: पिछली जाँचों ने इस सबमिशन का समय पूरा कर दिया।",
    memory_budget: "{check_message}\n\nआपके कोड ने pykata की अनुमति ({mib} MiB) से ज़्यादा मेमोरी माँगी और उसे रोक दिया गया। क्या कुछ बिना रुके बढ़ रहा है, या कोई संख्या बहुत बड़ी है?\n\n{traceback}",
    recursion_budget: "{check_message}\n\nआपका कोड {limit} से ज़्यादा कॉल गहराई तक गया और रोक दिया गया। क्या कोई फ़ंक्शन ख़ुद को कॉल करता है (या कोई `__repr__`, `__eq__` या `__getattr__` ख़ुद का उपयोग करता है) और कभी रुकने वाले केस तक नहीं पहुँचता?\n\n{traceback}",
    stack_overflow: "आपके कोड ने इतना गहरा रिकर्शन किया या डेटा को इतना गहरा नेस्ट किया कि Python का अपना स्टैक ख़त्म हो गया और वह क्रैश हो गया; उसे फिर से शुरू किया गया। क्या कोई चीज़ बिना अंत के ख़ुद को कॉल करती है या ख़ुद को रखती है?",
    crashed: "आपका कोड चलाते समय Python क्रैश हो गया ({how}); उसे फिर से शुरू किया गया।",
    not_equal: "{check_message}\n\nअपेक्षित {expected}, मिला {actual}",
    not_equal_because: "{check_message}\n\n{reason}: अपेक्षित {expected}, मिला {actual}",
    decorator_not_callable: "{check_message}\n\n{label=आपका डेकोरेटर} कॉल करने योग्य नहीं है (मिला {got})",
    decorator_returned_none: "{check_message}\n\n{label=आपके डेकोरेटर} ने None लौटाया — क्या आप `return wrapper` भूल गए?",
    decorator_returned_uncallable: "{check_message}\n\n{label=आपके डेकोरेटर} ने {got} लौटाया, जिसे कॉल नहीं किया जा सकता — ख़ुद रैपर फ़ंक्शन लौटाइए",
    wrapper_name: "{check_message}\n\nडेकोरेट किए गए फ़ंक्शन का नाम {expected} की जगह {actual} है — अपने रैपर पर @functools.wraps(func) लगाइए",
    wrapper_docstring: "{check_message}\n\nडेकोरेट किए गए फ़ंक्शन की docstring खो गई — अपने रैपर पर @functools.wraps(func) लगाइए",
    wrapper_not_wrapped: "{check_message}\n\nडेकोरेट किए गए फ़ंक्शन में मूल फ़ंक्शन की ओर इशारा करता __wrapped__ नहीं है — @functools.wraps(func) इसे आपके लिए सेट करता है",
    read_ahead: "{check_message}\n\nआपके कोड ने कुछ भी लौटाने से पहले स्रोत से {limit} से ज़्यादा आइटम पढ़ लिए — वह yield करने से पहले पूरी सूची बनाता है; आइटम साथ-साथ yield कीजिए",
    not_lazy: "{check_message}\n\n{label=आपके फ़ंक्शन} ने {type} लौटाया — वह कुछ भी देने से पहले पूरा नतीजा बनाता है; आइटम एक-एक करके देने के लिए `yield` का उपयोग कीजिए",
    generator_returned_none: "{check_message}\n\n{label=आपके फ़ंक्शन} ने None लौटाया — जनरेटर फ़ंक्शन में कम से कम एक `yield` चाहिए",
    not_an_iterator: "{check_message}\n\n{label=आपके फ़ंक्शन} ने {got} लौटाया, जो इटरेटर नहीं है — `yield` का उपयोग कीजिए",
    nothing_raised: "{check_message}\n\n{exception} उठने की अपेक्षा थी, पर कुछ भी नहीं उठा",
    with_not_entered: "{check_message}\n\nwith ब्लॉक कभी शुरू नहीं हुआ: प्रवेश पर {escaped} उठा",
    with_swallowed: "{check_message}\n\nwith ब्लॉक के अंदर उठा एक्सेप्शन चुपचाप दबा दिया गया — `__exit__` को False (या None) लौटाना चाहिए, जब तक उसे दबाना ही मक़सद न हो",
    with_replaced: "{check_message}\n\nwith ब्लॉक ने {raised} उठाया, पर बाहर {escaped} आया",
    with_not_suppressed: "{check_message}\n\nwith ब्लॉक के अंदर उठा {raised} बाहर आ गया, जबकि उसे दबाया जाना चाहिए था",
    not_callable: "{check_message}\n\nकॉल की जा सकने वाली चीज़ अपेक्षित थी, मिला {got}",
    not_a_context_manager: "{check_message}\n\n{got} कॉन्टेक्स्ट मैनेजर नहीं है: इसकी क्लास में `{method}` मेथड नहीं है — कॉन्टेक्स्ट मैनेजर को `__enter__` और `__exit__` दोनों चाहिए",
    generator_not_context_manager: "{check_message}\n\n{got} एक जनरेटर है, कॉन्टेक्स्ट मैनेजर नहीं — जनरेटर फ़ंक्शन पर @contextlib.contextmanager लगाएँ",
    enter_returned_none: "{check_message}\n\n`with ... as value` से None मिला: `__enter__` कुछ नहीं लौटाता — क्या आप `return self` भूल गए? (अपेक्षित {expected})",
    enter_returned: "{check_message}\n\n`with ... as value` से {got} मिला, पर {expected} होना चाहिए — `as` उसे बाँधता है जो `__enter__` लौटाता है",
    exit_raised: "{check_message}\n\n{raised} को संभालते समय `__exit__` ने ख़ुद {escaped} उठाया — यह (exc_type, exc, traceback) लेता है और एक्सेप्शन दबाने के लिए True लौटाता है",
  },
  zh: {
    syntax_error: "你的代码有语法错误：\n{traceback}",
    raised_while_loading: "你的代码在加载时引发了异常：\n{traceback}",
    exited_while_loading: "你的代码在加载时退出了：\n{traceback}",
    raised: "你的代码引发了异常：\n{traceback}",
    exited_during_check: "你的代码在检查过程中退出了：\n{traceback}",
    raised_in_hidden_check: "{check_message}\n\n你的代码在这项隐藏检查中引发了{exception=异常}。",
    tests_not_loaded: "无法加载测试：\n{traceback}",
    no_tests: "这项 unittest 检查没有测试（TestCase 类或 test_* 函数）。",
    helper_module_failed: "无法加载练习的辅助模块 {module}.py：\n{error}",
    check_failed: "{check_message}\n\n{detail}",
    output_differs: "{check_message}\n\n期望的输出：\n{expected}\n你的输出：\n{actual}\n\n第一处差异在第 {line} 行第 {column} 列。",
    output_does_not_match: "{check_message}\n\n期望输出匹配：\n{expected}\n你的输出：\n{actual}",
    nothing_printed: "{check_message}\n\n期望的输出：\n{expected}\n你的输出：\n（无）",
    nothing_printed_for_pattern: "{check_message}\n\n期望输出匹配：\n{expected}\n你的输出：\n（无）",
    missing_construct: "{check_message}\n\n你的代码没有使用 `{construct}`。",
    forbidden_construct: "{check_message}\n\n第 {line} 行使用了 `{construct}`。",
    missing_call: "{check_message}\n\n你的代码从未调用 `{name}()`。",
    forbidden_call: "{check_message}\n\n第 {line} 行调用了 `{name}()`。",
    time_budget: "你的代码运行超过 {seconds} 秒，已被停止。是否有永不结束的循环？",
    skipped_for_time: "未运行：前面的检查已用完这次提交的时间。",
    memory_budget: "{check_message}\n\n你的代码申请的内存超过了 pykata 允许的 {mib} MiB，已被停止。是否有东西在无限增长，或者某个数字太大了？\n\n{traceback}",
    recursion_budget: "{check_message}\n\n你的代码调用深度超过 {limit} 层，已被停止。是否有函数调用自身（或 `__repr__`、`__eq__`、`__getattr__` 用到了自身），却始终到不了停止的情况？\n\n{traceback}",
    stack_overflow: "你的代码递归或数据嵌套得太深，Python 自身的栈已耗尽并崩溃；它已重新启动。是否有东西无休止地调用或包含自身？",
    crashed: "Python 在运行你的代码时崩溃了（{how}）；它已重新启动。",
    not_equal: "{check_message}\n\n期望 {expected}，得到 {actual}",
    not_equal_because: "{check_message}\n\n{reason}：期望 {expected}，得到 {actual}",
    decorator_not_callable: "{check_message}\n\n{label=你的装饰器}不可调用（得到 {got}）",
    decorator_returned_none: "{check_message}\n\n{label=你的装饰器}返回了 None —— 是否忘了 `return wrapper`？",
    decorator_returned_uncallable: "{check_message}\n\n{label=你的装饰器}返回了 {got}，它不可调用 —— 请返回包装函数本身",
    wrapper_name: "{check_message}\n\n被装饰的函数名为 {actual} 而不是 {expected} —— 请用 @functools.wraps(func) 装饰你的包装函数",
    wrapper_docstring: "{check_message}\n\n被装饰的函数丢失了文档字符串 —— 请用 @functools.wraps(func) 装饰你的包装函数",
    wrapper_not_wrapped: "{check_message}\n\n被装饰的函数没有指向原函数的 __wrapped__ —— @functools.wraps(func) 会为你设置它",
    read_ahead: "{check_message}\n\n你的代码在返回任何元素之前从数据源读取了超过 {limit} 个元素 —— 它先构建了整个列表才 yield；请边读边 yield",
    not_lazy: "{check_message}\n\n{label=你的函数}返回了一个 {type} —— 它先构建完整个结果才给出任何部分；请用 `yield` 逐个产生元素",
    generator_returned_none: "{check_message}\n\n{label=你的函数}返回了 None —— 生成器函数至少需要一个 `yield`",
    not_an_iterator: "{check_message}\n\n{label=你的函数}返回了 {got}，它不是迭代器 —— 请使用 `yield`",
    nothing_raised: "{check_message}\n\n期望引发 {exception}，但没有引发任何异常",
    with_not_entered: "{check_message}\n\nwith 语句块从未开始：进入时引发了 {escaped}",
    with_swallowed: "{check_message}\n\nwith 语句块内引发的异常被悄悄吞掉了 —— 除非有意抑制，`__exit__` 必须返回 False（或 None）",
    with_replaced: "{check_message}\n\nwith 语句块引发了 {raised}，但传出来的却是 {escaped}",
    with_not_suppressed: "{check_message}\n\nwith 语句块内引发的 {raised} 传了出来，但它本应被抑制",
    not_callable: "{check_message}\n\n期望一个可调用对象，得到的是 {got}",
    not_a_context_manager: "{check_message}\n\n{got} 不是上下文管理器：它的类没有 `{method}` 方法——上下文管理器需要 `__enter__` 和 `__exit__` 两个方法",
    generator_not_context_manager: "{check_message}\n\n{got} 是生成器，不是上下文管理器——请用 @contextlib.contextmanager 装饰生成器函数",
    enter_returned_none: "{check_message}\n\n`with ... as value` 得到 None：`__enter__` 没有返回值——是不是忘了 `return self`？（期望 {expected}）",
    enter_returned: "{check_message}\n\n`with ... as value` 得到 {got}，但应为 {expected}——`as` 绑定的是 `__enter__` 的返回值",
    exit_raised: "{check_message}\n\n`__exit__` 在处理 {raised} 时自己引发了 {escaped}——它接收 (exc_type, exc, traceback)，返回 True 才会抑制异常",
  },
};

/** A keyed message as reports, test results and Run outputs carry it.
 * @typedef {{ message_key?: MessageKey | null, message_args?: Record<string, unknown> }} Keyed */

/** What the engine said (`keyed`), in the language of `strings`: its template there filled from
 * its arguments, or the engine's own English text (`english`) on an English page and for a
 * key this widget does not know.
 * @param {Catalog} strings
 * @param {Keyed} keyed
 * @param {string | null | undefined} english */
export function engineText(strings, keyed, english) {
  const locale = localeOf(strings);
  const template = keyed.message_key ? ENGINE_MESSAGES[locale]?.[keyed.message_key] : undefined;
  return template ? fillParagraphs(template, keyed.message_args ?? {}, locale) : (english ?? "");
}

/** Fill `{name}` and `{name=default}` placeholders, leaving out each paragraph whose
 * placeholders are all missing (as the engine's `render` in message.rs does).
 * @param {string} template
 * @param {Record<string, unknown>} args
 * @param {string} locale */
export function fillParagraphs(template, args, locale) {
  const paragraphs = template.split("\n\n").flatMap((paragraph) => {
    let named = 0;
    let found = 0;
    const text = paragraph.replace(/\{(\w+)(?:=([^}]*))?\}/g, (_, name, fallback) => {
      named += 1;
      const value = args[name];
      if (value != null) {
        found += 1;
        return formatValue(value, locale);
      }
      if (fallback !== undefined) found += 1;
      return fallback ?? "";
    });
    return named === 0 || found > 0 ? [text] : [];
  });
  return paragraphs.join("\n\n");
}
