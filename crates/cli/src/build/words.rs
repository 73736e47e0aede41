//! The words of a built site's own pages (the index, the exercise pages' links), in each
//! language the widget speaks. The pages say their language (`<html lang>`), so the widget in
//! them speaks it too; the packs' own texts are the author's and stay as written.

use pykata_pack::Difficulty;

/// A language a site can be built in (`pykata build --lang`): the widget's languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Language {
    #[default]
    En,
    De,
    Es,
    Fr,
    Hi,
    /// Chinese in Simplified characters.
    Zh,
    /// Chinese in Traditional characters.
    #[value(name = "zh-Hant")]
    ZhHant,
}

/// What a site's pages say, in one language. `over_http` and `own_page` are HTML.
pub(crate) struct Words {
    /// The `lang` attribute of the pages.
    pub lang: &'static str,
    /// The site's title when it has several packs and no `--title`.
    pub exercises: &'static str,
    pub no_exercises: &'static str,
    /// The name of the index's list of packs, for screen readers.
    pub packs: &'static str,
    /// Shown when a page was opened from a file, where the widget cannot start.
    pub over_http: &'static str,
    /// Before and after the link `exercise.html#<pack>/<exercise>` shows to the exercise's page.
    pub own_page: (&'static str, &'static str),
    pub all_exercises: &'static str,
    /// The name of the previous/next links, for screen readers.
    pub pager: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    /// Easy, medium, hard.
    pub difficulties: [&'static str; 3],
}

impl Words {
    pub(crate) fn difficulty(&self, difficulty: Difficulty) -> &'static str {
        match difficulty {
            Difficulty::Easy => self.difficulties[0],
            Difficulty::Medium => self.difficulties[1],
            Difficulty::Hard => self.difficulties[2],
        }
    }
}

/// How to serve a site, in every language: the same link and commands.
macro_rules! over_http {
    ($title:literal, $before_file:literal, $before_index:literal, $before_command:literal, $before_link:literal, $before_serve:literal, $end:literal) => {
        concat!(
            "<strong>",
            $title,
            "</strong> ",
            $before_file,
            "<code>file://</code>",
            $before_index,
            "<code>index.html</code>",
            $before_command,
            "<code>python3 -m http.server</code>",
            $before_link,
            "<a href=\"http://localhost:8000/\">http://localhost:8000/</a>",
            $before_serve,
            "<code>pykata serve</code>",
            $end
        )
    };
}

impl Language {
    pub(crate) fn words(self) -> &'static Words {
        match self {
            Language::En => &EN,
            Language::De => &DE,
            Language::Es => &ES,
            Language::Fr => &FR,
            Language::Hi => &HI,
            Language::Zh => &ZH,
            Language::ZhHant => &ZH_HANT,
        }
    }
}

static EN: Words = Words {
    lang: "en",
    exercises: "Exercises",
    no_exercises: "No exercises yet.",
    packs: "Exercise packs",
    over_http: over_http!(
        "This site must be served over HTTP.",
        "Browsers load neither module scripts nor workers from ",
        " URLs, so its exercises cannot run from here. In the site's folder (the one holding ",
        "), run ",
        " and open ",
        "; or preview the packs with ",
        "."
    ),
    own_page: ("This exercise has its own page: ", "."),
    all_exercises: "All exercises",
    pager: "Previous and next exercises",
    previous: "Previous",
    next: "Next",
    difficulties: ["easy", "medium", "hard"],
};

static DE: Words = Words {
    lang: "de",
    exercises: "Übungen",
    no_exercises: "Noch keine Übungen.",
    packs: "Übungspakete",
    over_http: over_http!(
        "Diese Seite muss über HTTP ausgeliefert werden.",
        "Browser laden weder Modulskripte noch Worker von ",
        "-URLs, daher können ihre Übungen hier nicht laufen. Führe im Ordner der Seite (dem mit ",
        ") ",
        " aus und öffne ",
        "; oder sieh dir die Pakete mit ",
        " an."
    ),
    own_page: ("Diese Übung hat eine eigene Seite: ", "."),
    all_exercises: "Alle Übungen",
    pager: "Vorherige und nächste Übung",
    previous: "Zurück",
    next: "Weiter",
    difficulties: ["leicht", "mittel", "schwer"],
};

static ES: Words = Words {
    lang: "es",
    exercises: "Ejercicios",
    no_exercises: "Todavía no hay ejercicios.",
    packs: "Paquetes de ejercicios",
    over_http: over_http!(
        "Este sitio debe servirse por HTTP.",
        "Los navegadores no cargan scripts de módulo ni workers desde URL ",
        ", así que sus ejercicios no pueden ejecutarse desde aquí. En la carpeta del sitio (la que contiene ",
        "), ejecuta ",
        " y abre ",
        "; o previsualiza los paquetes con ",
        "."
    ),
    own_page: ("Este ejercicio tiene su propia página: ", "."),
    all_exercises: "Todos los ejercicios",
    pager: "Ejercicio anterior y siguiente",
    previous: "Anterior",
    next: "Siguiente",
    difficulties: ["fácil", "intermedio", "difícil"],
};

static FR: Words = Words {
    lang: "fr",
    exercises: "Exercices",
    no_exercises: "Aucun exercice pour l’instant.",
    packs: "Packs d’exercices",
    over_http: over_http!(
        "Ce site doit être servi en HTTP.",
        "Les navigateurs ne chargent ni scripts de module ni workers depuis des URL ",
        " : ses exercices ne peuvent donc pas s’exécuter ici. Dans le dossier du site (celui qui contient ",
        "), lancez ",
        " et ouvrez ",
        ", ou prévisualisez les packs avec ",
        "."
    ),
    own_page: ("Cet exercice a sa propre page : ", "."),
    all_exercises: "Tous les exercices",
    pager: "Exercice précédent et suivant",
    previous: "Précédent",
    next: "Suivant",
    difficulties: ["facile", "moyen", "difficile"],
};

static HI: Words = Words {
    lang: "hi",
    exercises: "अभ्यास",
    no_exercises: "अभी कोई अभ्यास नहीं है।",
    packs: "अभ्यास पैक",
    over_http: over_http!(
        "यह साइट HTTP पर परोसी जानी चाहिए।",
        "ब्राउज़र ",
        " URL से न मॉड्यूल स्क्रिप्ट लोड करते हैं न वर्कर, इसलिए इसके अभ्यास यहाँ से नहीं चल सकते। साइट के फ़ोल्डर में (जिसमें ",
        " है) ",
        " चलाएँ और ",
        " खोलें; या ",
        " से पैक का पूर्वावलोकन करें।"
    ),
    own_page: ("इस अभ्यास का अपना पेज है: ", "।"),
    all_exercises: "सभी अभ्यास",
    pager: "पिछला और अगला अभ्यास",
    previous: "पिछला",
    next: "अगला",
    difficulties: ["आसान", "मध्यम", "कठिन"],
};

static ZH: Words = Words {
    lang: "zh",
    exercises: "练习",
    no_exercises: "还没有练习。",
    packs: "练习包",
    over_http: over_http!(
        "这个网站必须通过 HTTP 提供。",
        "浏览器不会从 ",
        " 网址加载模块脚本或 worker，所以这里的练习无法运行。请在网站的文件夹（包含 ",
        " 的那个）中运行 ",
        "，然后打开 ",
        "；或者用 ",
        " 预览练习包。"
    ),
    own_page: ("这个练习有自己的页面：", "。"),
    all_exercises: "全部练习",
    pager: "上一个和下一个练习",
    previous: "上一个",
    next: "下一个",
    difficulties: ["简单", "中等", "困难"],
};

static ZH_HANT: Words = Words {
    lang: "zh-Hant",
    exercises: "練習",
    no_exercises: "還沒有練習。",
    packs: "練習包",
    over_http: over_http!(
        "這個網站必須透過 HTTP 提供。",
        "瀏覽器不會從 ",
        " 網址載入模組腳本或 worker，所以這裡的練習無法執行。請在網站的資料夾（包含 ",
        " 的那個）中執行 ",
        "，然後開啟 ",
        "；或者用 ",
        " 預覽練習包。"
    ),
    own_page: ("這個練習有自己的頁面：", "。"),
    all_exercises: "全部練習",
    pager: "上一個和下一個練習",
    previous: "上一個",
    next: "下一個",
    difficulties: ["簡單", "中等", "困難"],
};

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn every_language_names_itself_as_the_widget_does() {
        for language in Language::value_variants() {
            let name = language.to_possible_value().expect("a value").get_name().to_owned();
            assert_eq!(language.words().lang, name);
        }
    }
}
