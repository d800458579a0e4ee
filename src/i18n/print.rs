//! The words of printing at the workstation (issue 13): the print dialog, the papers'
//! names, what became of a print and why one failed. The papers' own wording is theirs
//! (`papers/`), in Russian and Kazakh only, as the papers are.

use super::store::store_error;
use crate::domain::Lang;
use crate::papers::{Delivered, DeliveryError, PaperError, PaperKind};

/// A word of the print dialog and its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrintWord {
    /// The print key's help, and Enter's in the dialog.
    Key,
    /// The digits' help in the dialog.
    KeyCopies,
    /// Tab's help in the dialog.
    KeyWhere,
    Title,
    Paper,
    Copies,
    To,
    File,
    Queue,
    Terminal,
    FileOneCopy,
    Printing,
    NothingToPrint,
    /// After Ctrl-G: the insert may be printed.
    InsertOffer,
}

/// (Russian, Kazakh, English).
pub(super) fn texts(word: PrintWord) -> (&'static str, &'static str, &'static str) {
    match word {
        PrintWord::Key => ("печать", "басып шығару", "print"),
        PrintWord::KeyCopies => ("число экземпляров", "дана саны", "copies"),
        PrintWord::KeyWhere => (
            "куда: файл, очередь, терминал",
            "қайда: файл, кезек, терминал",
            "where: file, queue, terminal",
        ),
        PrintWord::Title => ("Печать", "Басып шығару", "Print"),
        PrintWord::Paper => ("Документ", "Құжат", "Paper"),
        PrintWord::Copies => ("Экземпляров", "Дана", "Copies"),
        PrintWord::To => ("Куда", "Қайда", "To"),
        PrintWord::File => ("файл PDF", "PDF файлы", "PDF file"),
        PrintWord::Queue => ("очередь печати", "басып шығару кезегі", "print queue"),
        PrintWord::Terminal => (
            "принтер вашего терминала",
            "терминалыңыздың принтері",
            "your terminal's printer",
        ),
        PrintWord::FileOneCopy => (
            "файл — один экземпляр",
            "файл — бір дана",
            "a file is one copy",
        ),
        PrintWord::Printing => ("Печать…", "Басып шығарылуда…", "Printing…"),
        PrintWord::InsertOffer => (
            "Ctrl-Z — печать вкладыша (п. 12)",
            "Ctrl-Z — қосымша парақты басып шығару (12-т.)",
            "Ctrl-Z prints the insert (M-12.b)",
        ),
        PrintWord::NothingToPrint => (
            "Здесь нечего печатать",
            "Мұнда басып шығаратын ештеңе жоқ",
            "Nothing to print here",
        ),
    }
}

/// The paper's name in the dialog and in what is said of its print, with its rule.
pub fn paper_name(lang: Lang, kind: PaperKind) -> &'static str {
    let (ru, kk, en) = match kind {
        PaperKind::Formulary => (
            "Формуляр для подписей при выдаче (п. 57)",
            "Беру кезінде қол қоюға арналған формуляр (57-т.)",
            "Formulary for signatures at issue (M-57)",
        ),
        PaperKind::Insert => (
            "Вкладыш к свидетельству о рождении (п. 12)",
            "Туу туралы куәлікке қосымша парақ (12-т.)",
            "Insert to the birth certificate (M-12.b)",
        ),
        PaperKind::NationalityCertificate => (
            "Справка об изменении записи национальности (п. 12)",
            "Ұлты жазбасының өзгергені туралы анықтама (12-т.)",
            "Certificate of the nationality record change (M-12.e)",
        ),
        PaperKind::Conclusion => (
            "Заключение (п. 16)",
            "Қорытынды (16-т.)",
            "Conclusion (M-16)",
        ),
        PaperKind::Journal => (
            "Журнал заключений",
            "Қорытындылар журналы",
            "Journal of conclusions",
        ),
        PaperKind::Act => ("Акт об уничтожении", "Жою актісі", "Destruction act"),
        PaperKind::Coupon => (
            "Талон регистрации (п. 56)",
            "Тіркеу талоны (56-т.)",
            "Coupon slip (M-56)",
        ),
        PaperKind::Day => ("Отчёт за день", "Күн есебі", "Day's report"),
        PaperKind::DsnResult => (
            "Результат по ДСН (D-7)",
            "ДСН нәтижесі (D-7)",
            "DSN result (D-7)",
        ),
    };
    lang.pick(ru, kk, en)
}

/// What became of a print: where the paper went, its copy numbers, a reprint marked.
pub fn printed(
    lang: Lang,
    kind: PaperKind,
    delivered: &Delivered,
    first_copy: u32,
    copies: u32,
    reprint: bool,
) -> String {
    let paper = paper_name(lang, kind);
    let to = match delivered {
        Delivered::File(path) => {
            let path = path.display();
            lang.pick(
                format!("файл {path}"),
                format!("{path} файлы"),
                format!("file {path}"),
            )
        }
        Delivered::Queued { queue, job } => {
            let job = job.as_ref().map(|j| format!(" ({j})")).unwrap_or_default();
            lang.pick(
                format!("отправлено в очередь {queue}{job}"),
                format!("{queue} кезегіне жіберілді{job}"),
                format!("sent to queue {queue}{job}"),
            )
        }
        Delivered::Terminal { .. } => lang
            .pick(
                "отправлено на принтер вашего терминала",
                "терминалыңыздың принтеріне жіберілді",
                "sent to your terminal's printer",
            )
            .to_string(),
    };
    let last = first_copy.saturating_add(copies.max(1) - 1);
    let numbers = if last > first_copy {
        format!("{first_copy}–{last}")
    } else {
        first_copy.to_string()
    };
    let again = if reprint {
        lang.pick(", повторно", ", қайта", ", reprint")
    } else {
        ""
    };
    let copy = lang.pick("экз.", "дана", "copy");
    format!("{paper}: {to} ({copy} {numbers}{again})")
}

/// A paper delivered whose print the register could not record.
pub fn not_recorded(lang: Lang, kind: PaperKind, why: &str) -> String {
    let paper = paper_name(lang, kind);
    lang.pick(
        format!("{paper}: напечатан, но не записан в журнал аудита: {why}"),
        format!("{paper}: басылды, бірақ аудит журналына жазылмады: {why}"),
        format!("{paper}: printed, but the print is not recorded: {why}"),
    )
}

/// A paper not printed, and why.
pub fn not_printed(lang: Lang, kind: PaperKind, why: &str) -> String {
    let paper = paper_name(lang, kind);
    lang.pick(
        format!("{paper} не напечатан: {why}"),
        format!("{paper} басылмады: {why}"),
        format!("{paper} not printed: {why}"),
    )
}

/// Why a paper could not be made.
pub fn paper_error(lang: Lang, error: &PaperError) -> String {
    let (ru, kk, en) = match error {
        PaperError::Store(e) => return store_error(e).get(lang).to_string(),
        PaperError::NotFound(_) => (
            "в реестре нет данных для этого документа",
            "тізілімде бұл құжатқа деректер жоқ",
            "the register holds nothing for this paper",
        ),
        PaperError::BadSubject(_) => (
            "номер не подходит для этого документа",
            "нөмір бұл құжатқа сәйкес келмейді",
            "the number does not fit this paper",
        ),
        PaperError::NotApplicable(_) => (
            "документ не относится к этому формуляру (п. 12: справка — для кода 08)",
            "құжат бұл формулярға қатысты емес (12-т.: анықтама 08 коды үшін)",
            "the paper does not apply to this formulary (M-12.e: code 08 only)",
        ),
        PaperError::Font | PaperError::Layout | PaperError::Pdf(_) => (
            "не удалось сделать PDF",
            "PDF жасау мүмкін болмады",
            "the PDF could not be made",
        ),
    };
    lang.pick(ru, kk, en).to_string()
}

/// Why a paper could not be delivered; the CUPS message, when lp refused, as lp said it.
pub fn delivery_error(lang: Lang, error: &DeliveryError) -> String {
    match error {
        DeliveryError::Write { path, source } => {
            let path = path.display();
            let why = match source.kind() {
                std::io::ErrorKind::PermissionDenied => lang.pick("нет прав", "құқық жоқ", "no permission"),
                std::io::ErrorKind::NotFound => lang.pick("нет такой папки", "мұндай қалта жоқ", "no such folder"),
                _ => lang.pick("ошибка записи", "жазу қатесі", "write error"),
            };
            lang.pick(
                format!("не удалось записать {path}: {why}"),
                format!("{path} жазылмады: {why}"),
                format!("cannot write {path}: {why}"),
            )
        }
        DeliveryError::NoQueue => lang
            .pick(
                "очередь печати не настроена (print.queue в настройках отделения)",
                "басып шығару кезегі бапталмаған (бөлім баптауындағы print.queue)",
                "no print queue (print.queue in the office's settings)",
            )
            .to_string(),
        DeliveryError::BadQueue(queue) => lang.pick(
            format!("CUPS не примет имя очереди {queue:?}"),
            format!("CUPS {queue:?} кезек атын қабылдамайды"),
            format!("CUPS takes no queue named {queue:?}"),
        ),
        DeliveryError::LpMissing(_) => lang
            .pick(
                "не удалось запустить lp (CUPS)",
                "lp (CUPS) іске қосылмады",
                "cannot run lp (CUPS)",
            )
            .to_string(),
        DeliveryError::Lp { queue, message } => lang.pick(
            format!("lp отказал (очередь {queue}): {message}"),
            format!("lp бас тартты ({queue} кезегі): {message}"),
            format!("lp refused it (queue {queue}): {message}"),
        ),
        DeliveryError::TerminalNotChosen { path } => {
            let path = path.display();
            lang.pick(
                format!("печать через терминал не включена: print.terminal = true в {path}"),
                format!("терминал арқылы басып шығару қосылмаған: {path} ішінде print.terminal = true"),
                format!("terminal printing is not turned on: print.terminal = true in {path}"),
            )
        }
        DeliveryError::Multiplexer(name) => lang.pick(
            format!("печать через терминал не работает под {name}: выберите файл или очередь"),
            format!("{name} астында терминал арқылы басып шығару жұмыс істемейді: файлды немесе кезекті таңдаңыз"),
            format!("terminal printing does not work under {name}: choose a file or the queue"),
        ),
        DeliveryError::NoTerminal(_) | DeliveryError::TerminalWrite(_) => lang
            .pick(
                "терминал не принял документ",
                "терминал құжатты қабылдамады",
                "the terminal did not take the paper",
            )
            .to_string(),
        DeliveryError::WouldEndEarly => lang
            .pick(
                "PDF содержит ESC [4i и оборвал бы печать",
                "PDF ішінде ESC [4i бар, басып шығаруды үзер еді",
                "the PDF holds ESC [4i and would end the print early",
            )
            .to_string(),
    }
}

/// No thread could be started to deliver the paper.
pub fn no_worker(lang: Lang) -> String {
    lang.pick(
        "не удалось начать печать",
        "басып шығаруды бастау мүмкін болмады",
        "the print could not be started",
    )
    .to_string()
}

/// A print asked for while another is still on its way (issue 13): refused, since the
/// second sheet's copy number and reprint mark are only known once the first is recorded.
pub fn still_printing(lang: Lang) -> String {
    lang.pick(
        "предыдущая печать ещё не завершена: повторите, когда она закончится",
        "алдыңғы басып шығару әлі аяқталған жоқ: ол біткенде қайталаңыз",
        "the previous print is still on its way: try again when it is done",
    )
    .to_string()
}

/// At quit, while papers are still on their way (issue 13): how many, and the longest the
/// workstation waits for them, so the clerk does not face a screen that seems frozen.
pub fn finishing(lang: Lang, under_way: usize, wait_secs: u64) -> String {
    let papers = super::plural::count(lang, under_way, super::plural::Noun::Paper);
    lang.pick(
        format!("Завершается печать: {papers}. Подождите, не дольше {wait_secs} с…"),
        format!("Басып шығару аяқталуда: {papers}. {wait_secs} с дейін күтіңіз…"),
        format!("Finishing the printing under way: {papers}. Waiting up to {wait_secs} s…"),
    )
}

/// After quitting, on the clerk's terminal: a paper whose print did not finish in time, by
/// its kind and what it is of (`subject`, left out where it is a person's).
pub fn unfinished(lang: Lang, kind: PaperKind, subject: Option<&str>) -> String {
    let paper = match subject {
        Some(subject) => format!("{}, {subject}", paper_name(lang, kind)),
        None => paper_name(lang, kind).to_string(),
    };
    lang.pick(
        format!("{paper}: печать не завершилась за время ожидания и не записана в журнал аудита; документ ещё может выйти из принтера — проверьте принтер, прежде чем печатать снова"),
        format!("{paper}: басып шығару күту уақытында аяқталмады және аудит журналына жазылмады; құжат әлі принтерден шығуы мүмкін — қайта басып шығармас бұрын принтерді тексеріңіз"),
        format!("{paper}: the print did not finish in time and is not recorded; the paper may still come out of the printer, so check the printer before printing it again"),
    )
}
