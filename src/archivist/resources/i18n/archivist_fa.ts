<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>ArticleTab</name>
    <message>
        <source>Tags, separated by commas</source>
        <translation>برچسب‌ها، جداشده با ویرگول</translation>
    </message>
    <message>
        <source>Edit article citation…</source>
        <translation>ویرایش ارجاع مقاله…</translation>
    </message>
    <message>
        <source>Citation</source>
        <translation>ارجاع</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Notes on the article</source>
        <translation>یادداشت‌های مقاله</translation>
    </message>
    <message>
        <source>(corrected by hand)</source>
        <translation>(به دست اصلاح شده)</translation>
    </message>
    <message>
        <source>Tags of the article</source>
        <translation>برچسب‌های مقاله</translation>
    </message>
</context>
<context>
    <name>CitationEditor</name>
    <message>
        <source>Author</source>
        <translation>نویسنده</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>ویراستار</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>مترجم</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>In (journal, site, book)</source>
        <translation>در (نشریه، وبگاه، کتاب)</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>مجموعه</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>جلد</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>صفحه‌ها</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>ناشر</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>محل نشر</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>نشانی وب</translation>
    </message>
    <message>
        <source>DOI</source>
        <translation>DOI</translation>
    </message>
    <message>
        <source>ISBN</source>
        <translation>شابک</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>تاریخ دسترسی</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Citation of note [{label}]</source>
        <translation>ارجاع پانوشت [{label}]</translation>
    </message>
    <message>
        <source>Citation of the article</source>
        <translation>ارجاع خود مقاله</translation>
    </message>
    <message>
        <source>Citation (cites a work)</source>
        <translation>ارجاع (به اثری ارجاع می‌دهد)</translation>
    </message>
    <message>
        <source>Commentary (cites nothing)</source>
        <translation>توضیح (به اثری ارجاع نمی‌دهد)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>گونه</translation>
    </message>
    <message>
        <source>Refers back to</source>
        <translation>بازگشت به</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>Family name or organisation</source>
        <translation>نام خانوادگی یا سازمان</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <source>Add creator</source>
        <translation>افزودن پدیدآورنده</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>بالا بردن</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>پایین بردن</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>پدیدآورندگان</translation>
    </message>
    <message>
        <source>2016-09-10, 2016-09, 2016, Spring 2016, n.d.</source>
        <translation>2016-09-10، 2016-09، 2016، Spring 2016، n.d.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>پیش‌نمایش</translation>
    </message>
    <message>
        <source>Reset to extracted</source>
        <translation>بازگشت به استخراج‌شده</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>ازنو</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>رونوشت ارجاع</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Corrected by hand ({when}).</source>
        <translation>به دست اصلاح شده ({when}).</translation>
    </message>
    <message>
        <source>As extracted.</source>
        <translation>همان‌گونه که استخراج شد.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <source>(this style lists no entry for such an item)</source>
        <translation>(این شیوه برای چنین اثری مدخلی در کتاب‌نامه نمی‌آورد)</translation>
    </message>
    <message>
        <source>(no citation: a commentary note)</source>
        <translation>(بی‌ارجاع: یادداشت توضیحی)</translation>
    </message>
</context>
<context>
    <name>CitationMenu</name>
    <message>
        <source>Edit citation…</source>
        <translation>ویرایش ارجاع…</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>رونوشت ارجاع</translation>
    </message>
    <message>
        <source>Copy as CSL-JSON</source>
        <translation>رونوشت به‌صورت CSL-JSON</translation>
    </message>
    <message>
        <source>Copy as BibTeX</source>
        <translation>رونوشت به‌صورت BibTeX</translation>
    </message>
</context>
<context>
    <name>CitationType</name>
    <message>
        <source>Article (preprint, working paper)</source>
        <translation>مقاله (پیش‌انتشار، مقاله کاری)</translation>
    </message>
    <message>
        <source>Journal article</source>
        <translation>مقاله نشریه علمی</translation>
    </message>
    <message>
        <source>Magazine article</source>
        <translation>مقاله مجله</translation>
    </message>
    <message>
        <source>Newspaper article</source>
        <translation>مقاله روزنامه</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>لایحه</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>کتاب</translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation>برنامه رادیویی یا تلویزیونی</translation>
    </message>
    <message>
        <source>Book chapter</source>
        <translation>فصل کتاب</translation>
    </message>
    <message>
        <source>Classic work</source>
        <translation>اثر کلاسیک</translation>
    </message>
    <message>
        <source>Archival collection</source>
        <translation>مجموعه آرشیوی</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>مجموعه داده</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>مدخل</translation>
    </message>
    <message>
        <source>Dictionary entry</source>
        <translation>مدخل واژه‌نامه</translation>
    </message>
    <message>
        <source>Encyclopedia entry</source>
        <translation>مدخل دانشنامه</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>شکل</translation>
    </message>
    <message>
        <source>Image or artwork</source>
        <translation>تصویر یا اثر هنری</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>جلسه استماع</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>مصاحبه</translation>
    </message>
    <message>
        <source>Legal case</source>
        <translation>پرونده حقوقی</translation>
    </message>
    <message>
        <source>Legislation</source>
        <translation>قانون</translation>
    </message>
    <message>
        <source>Manuscript</source>
        <translation>دست‌نوشته</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>نقشه</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>فیلم</translation>
    </message>
    <message>
        <source>Musical score</source>
        <translation>پارتیتور</translation>
    </message>
    <message>
        <source>Pamphlet</source>
        <translation>جزوه</translation>
    </message>
    <message>
        <source>Conference paper</source>
        <translation>مقاله همایش</translation>
    </message>
    <message>
        <source>Patent</source>
        <translation>پتنت</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>اجرا</translation>
    </message>
    <message>
        <source>Periodical</source>
        <translation>نشریه ادواری</translation>
    </message>
    <message>
        <source>Letter or personal message</source>
        <translation>نامه یا پیام شخصی</translation>
    </message>
    <message>
        <source>Forum or social media post</source>
        <translation>پست انجمن یا شبکه اجتماعی</translation>
    </message>
    <message>
        <source>Blog post</source>
        <translation>پست وبلاگ</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>آیین‌نامه</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>گزارش</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>نقد</translation>
    </message>
    <message>
        <source>Book review</source>
        <translation>نقد کتاب</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>نرم‌افزار</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>ضبط صوتی</translation>
    </message>
    <message>
        <source>Speech or lecture</source>
        <translation>سخنرانی</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>استاندارد</translation>
    </message>
    <message>
        <source>Thesis</source>
        <translation>پایان‌نامه</translation>
    </message>
    <message>
        <source>Treaty</source>
        <translation>معاهده</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>صفحه وب</translation>
    </message>
</context>
<context>
    <name>DossierPanel</name>
    <message>
        <source>New dossier</source>
        <translation>پروندهٔ جدید</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Remove from dossier</source>
        <translation>حذف از پرونده</translation>
    </message>
    <message>
        <source>only highlights with these tags (commas)</source>
        <translation>فقط برجسته‌سازی‌های دارای این برچسب‌ها (با ویرگول)</translation>
    </message>
    <message>
        <source>Excerpts only (highlights, not the full text)</source>
        <translation>فقط گزیده‌ها (برجسته‌سازی‌ها، نه متن کامل)</translation>
    </message>
    <message>
        <source>Footnotes in the citation style (first in full, then short)</source>
        <translation>پانویس‌ها به شیوهٔ استناد (بار نخست کامل، سپس کوتاه)</translation>
    </message>
    <message>
        <source>Off: citing footnotes read as the source wrote them. On: they are written in the chosen style from their parsed citations.</source>
        <translation>خاموش: پانویس‌های استنادی همان‌گونه که منبع نوشته خوانده می‌شوند. روشن: از روی استنادهای تجزیه‌شده‌شان به شیوهٔ برگزیده نوشته می‌شوند.</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="vanished">خروجی PDF…</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Subtitle</source>
        <translation>زیرعنوان</translation>
    </message>
    <message>
        <source>Compiler</source>
        <translation>گردآورنده</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>مقدمه</translation>
    </message>
    <message>
        <source>Articles (drag to reorder; drop from the library to add)</source>
        <translation>مقاله‌ها (برای تغییر ترتیب بکشید؛ برای افزودن از کتابخانه رها کنید)</translation>
    </message>
    <message>
        <source>Citation style</source>
        <translation>شیوهٔ ارجاع</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>رنگ‌ها</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>{n}. article {id}</source>
        <translation>{n}. مقالهٔ {id}</translation>
    </message>
    <message>
        <source>Edit dossier</source>
        <translation>ویرایش پرونده</translation>
    </message>
    <message>
        <source>Dossier options</source>
        <translation>گزینه‌های پرونده</translation>
    </message>
    <message>
        <source>Add to dossier</source>
        <translation>افزودن به پرونده</translation>
    </message>
    <message>
        <source>Reorder dossier</source>
        <translation>تغییر ترتیب پرونده</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>&amp;خروجی PDF…</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>پرونده‌ها</translation>
    </message>
    <message>
        <source>&amp;New dossier</source>
        <translation>پروندهٔ &amp;جدید</translation>
    </message>
    <message>
        <source>Delete dossier</source>
        <translation>حذف پرونده</translation>
    </message>
    <message>
        <source>Articles of the dossier</source>
        <translation>مقاله‌های پرونده</translation>
    </message>
    <message>
        <source>&amp;Remove from dossier</source>
        <translation>&amp;برداشتن از پرونده</translation>
    </message>
    <message>
        <source>Colours to include</source>
        <translation>رنگ‌هایی که آورده شوند</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>محتوا</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>خروجی</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>یافتن در مقاله</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>بستن نوار یافتن</translation>
    </message>
</context>
<context>
    <name>FootnoteRows</name>
    <message>
        <source>Cited only in a part of the page left out of the text.</source>
        <translation>فقط در بخشی از صفحه که در متن نیامده به آن ارجاع شده است.</translation>
    </message>
    <message>
        <source>Listed by the page without a marker in the text.</source>
        <translation>صفحه آن را بی‌نشانه‌ای در متن فهرست کرده است.</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>ویرایش‌شده</translation>
    </message>
    <message>
        <source>→ note [{label}]</source>
        <translation>← پانوشت [{label}]</translation>
    </message>
    <message>
        <source>no marker in the text</source>
        <translation>بی‌نشانه در متن</translation>
    </message>
    <message>
        <source>Citation corrected by hand ({when})</source>
        <translation>ارجاع به دست اصلاح شده ({when})</translation>
    </message>
</context>
<context>
    <name>FootnotesTab</name>
    <message>
        <source>Back to text</source>
        <translation>بازگشت به متن</translation>
    </message>
    <message>
        <source>Edit citation…</source>
        <translation>ویرایش ارجاع…</translation>
    </message>
    <message>
        <source>Citation corrected by hand ({when})</source>
        <translation type="vanished">ارجاع به دست اصلاح شده ({when})</translation>
    </message>
    <message>
        <source>Footnotes</source>
        <translation>پانوشت‌ها</translation>
    </message>
    <message>
        <source>Refers to note [{label}]</source>
        <translation>ارجاع به پانوشت [{label}]</translation>
    </message>
    <message>
        <source>(corrected by hand)</source>
        <translation>(به دست اصلاح شده)</translation>
    </message>
    <message>
        <source>No citation parsed (an explanatory note).</source>
        <translation>ارجاعی تشخیص داده نشد (پانوشت توضیحی).</translation>
    </message>
    <message>
        <source>Cited only in a part of the page left out of the text.</source>
        <translation type="vanished">فقط در بخشی از صفحه که در متن نیامده به آن ارجاع شده است.</translation>
    </message>
    <message>
        <source>Listed by the page without a marker in the text.</source>
        <translation type="vanished">صفحه آن را بی‌نشانه‌ای در متن فهرست کرده است.</translation>
    </message>
</context>
<context>
    <name>HighlightBar</name>
    <message>
        <source>Highlight {color}</source>
        <translation>برجسته‌سازی با {color}</translation>
    </message>
</context>
<context>
    <name>HighlightColor</name>
    <message>
        <source>yellow</source>
        <translation>زرد</translation>
    </message>
    <message>
        <source>green</source>
        <translation>سبز</translation>
    </message>
    <message>
        <source>red</source>
        <translation>قرمز</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>آبی</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>بنفش</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>نارنجی</translation>
    </message>
</context>
<context>
    <name>HighlightMeaning</name>
    <message>
        <source>claim</source>
        <translation>ادعا</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>شاهد</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>محل تردید</translation>
    </message>
    <message>
        <source>definition</source>
        <translation>تعریف</translation>
    </message>
    <message>
        <source>quote to use</source>
        <translation>نقل‌قول برای استفاده</translation>
    </message>
    <message>
        <source>follow up</source>
        <translation>پیگیری</translation>
    </message>
</context>
<context>
    <name>HighlightsTab</name>
    <message>
        <source>Tags, separated by commas</source>
        <translation>برچسب‌ها، جداشده با ویرگول</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>حذف برجسته‌سازی</translation>
    </message>
    <message>
        <source>Select text in the article and pick a colour (or press 1–6) to highlight it.</source>
        <translation>متنی را در مقاله انتخاب کنید و برای برجسته‌کردنش رنگی برگزینید (یا کلید ۱ تا ۶ را بزنید).</translation>
    </message>
    <message>
        <source>(lost its place)</source>
        <translation>(جایش در متن گم شده)</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>برجسته‌سازی‌ها</translation>
    </message>
    <message>
        <source>Tags of the highlight</source>
        <translation>برچسب‌های برجسته‌سازی</translation>
    </message>
    <message>
        <source>Recolour {color}</source>
        <translation>تغییر رنگ به {color}</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>{imported}; {duplicates} already in the archive; {failed} failed.</source>
        <translation>{imported}؛ {duplicates} از پیش در بایگانی بود؛ {failed} ناموفق.</translation>
    </message>
    <message>
        <source>{path}: failed</source>
        <translation>{path}: ناموفق</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Another job is still running; wait for it or cancel it.</source>
        <translation>کار دیگری هنوز در حال اجراست؛ صبر کنید تا تمام شود یا آن را لغو کنید.</translation>
    </message>
    <message>
        <source>{title}…</source>
        <translation>{title}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>{title}: {done} of {total}
{message}</source>
        <translation>{title}: {done} از {total}
{message}</translation>
    </message>
    <message>
        <source>{title} cancelled; what was done is kept.</source>
        <translation>{title} لغو شد؛ آنچه انجام شده بود حفظ شد.</translation>
    </message>
</context>
<context>
    <name>JobWorker</name>
    <message>
        <source>internal error {kind}: {error}</source>
        <translation>خطای داخلی {kind}: {error}</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>نویسندگان</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>تاریخ انتشار</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>تاریخ درون‌ریزی</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>برجسته‌سازی‌ها</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(ناخوانا)</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Search the archive</source>
        <translation>جست‌وجو در بایگانی</translation>
    </message>
    <message>
        <source>from YYYY</source>
        <translation>از سال</translation>
    </message>
    <message>
        <source>to YYYY</source>
        <translation>تا سال</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>همهٔ برچسب‌ها</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>همهٔ رنگ‌ها</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>همهٔ وب‌سایت‌ها</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>پالایش بر پایهٔ برچسب</translation>
    </message>
    <message>
        <source>Filter by highlight colour</source>
        <translation>پالایش بر پایهٔ رنگ برجسته‌سازی</translation>
    </message>
    <message>
        <source>Filter by site</source>
        <translation>پالایش بر پایهٔ وب‌سایت</translation>
    </message>
    <message>
        <source>Published from year</source>
        <translation>منتشرشده از سال</translation>
    </message>
    <message>
        <source>Published up to year</source>
        <translation>منتشرشده تا سال</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>کتابخانه</translation>
    </message>
    <message>
        <source>Library columns (click to sort)</source>
        <translation>ستون‌های کتابخانه (برای مرتب‌سازی کلیک کنید)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <translation type="vanished">کتابخانه</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation type="vanished">پرونده‌ها</translation>
    </message>
    <message>
        <source>Indexing for search</source>
        <translation>نمایه‌سازی برای جست‌وجو</translation>
    </message>
    <message>
        <source>Indexing for search stopped; the next search finishes it first, or it starts again when the archive is next opened.</source>
        <translation>نمایه‌سازی برای جست‌وجو متوقف شد؛ جست‌وجوی بعدی نخست آن را تمام می‌کند، یا با باز شدن دوباره‌ی بایگانی از نو آغاز می‌شود.</translation>
    </message>
    <message>
        <source>{archive} — Archivist</source>
        <translation>{archive} — Archivist</translation>
    </message>
    <message>
        <source>New archive</source>
        <translation>بایگانی جدید</translation>
    </message>
    <message>
        <source>Archivist archive (*.sqlite3)</source>
        <translation>بایگانی Archivist (*.sqlite3)</translation>
    </message>
    <message>
        <source>Open archive</source>
        <translation>باز کردن بایگانی</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>باز کردن پیوند</translation>
    </message>
    <message>
        <source>Open this link in your web browser?

{url}</source>
        <translation>این پیوند در مرورگر وب باز شود؟

{url}</translation>
    </message>
</context>
<context>
    <name>Match</name>
    <message>
        <source>title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>برجسته‌سازی</translation>
    </message>
    <message>
        <source>note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>footnote</source>
        <translation>پانوشت</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Write a note (Markdown)…</source>
        <translation>یادداشتی بنویسید (Markdown)…</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>نوشتن</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>پیش‌نمایش</translation>
    </message>
    <message>
        <source>Note (Markdown)</source>
        <translation>یادداشت (مارک‌داون)</translation>
    </message>
    <message>
        <source>Note preview</source>
        <translation>پیش‌نمایش یادداشت</translation>
    </message>
</context>
<context>
    <name>NotesBox</name>
    <message>
        <source>New note</source>
        <translation>یادداشت جدید</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>حذف یادداشت</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Highlights</source>
        <translation>برجسته‌سازی‌ها</translation>
    </message>
    <message>
        <source>Footnotes</source>
        <translation>پانوشت‌ها</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>مقاله</translation>
    </message>
    <message>
        <source>Highlights ({count})</source>
        <translation>برجسته‌سازی‌ها ({count})</translation>
    </message>
    <message>
        <source>Footnotes ({count})</source>
        <translation>پانوشت‌ها ({count})</translation>
    </message>
</context>
<context>
    <name>OriginalDialog</name>
    <message>
        <source>Original of “{title}”</source>
        <translation>اصل «{title}»</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>فایل اصلی</translation>
    </message>
    <message>
        <source>The file is long: its first {size} MB are shown.</source>
        <translation>فایل بلند است: تنها {size} مگابایت نخست آن نشان داده می‌شود.</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message numerus="yes">
        <source>%Ln article</source>
        <translation>
            <numerusform>%Ln مقاله</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln articles</source>
        <translation>
            <numerusform>%Ln مقاله</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note</source>
        <translation>
            <numerusform>%Ln یادداشت</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln notes</source>
        <translation>
            <numerusform>%Ln یادداشت</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln article</source>
        <translation>
            <numerusform>%Ln مقاله درون‌ریزی شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln articles</source>
        <translation>
            <numerusform>%Ln مقاله درون‌ریزی شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag for %Ln article:</source>
        <translation>
            <numerusform>برچسب برای %Ln مقاله:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag for %Ln articles:</source>
        <translation>
            <numerusform>برچسب برای %Ln مقاله:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln article to trash</source>
        <translation>
            <numerusform>انتقال %Ln مقاله به زباله‌دان</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %Ln articles to trash</source>
        <translation>
            <numerusform>انتقال %Ln مقاله به زباله‌دان</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>As the system</source>
        <translation>مانند سیستم</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>ترجیحات</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>ظاهر</translation>
    </message>
    <message>
        <source> px</source>
        <translation> پیکسل</translation>
    </message>
    <message>
        <source>Reading width</source>
        <translation>پهنای متن</translation>
    </message>
    <message>
        <source>What each highlight colour means:</source>
        <translation>معنای هر رنگ برجسته‌سازی:</translation>
    </message>
</context>
<context>
    <name>ProvenanceBar</name>
    <message>
        <source>Source URL</source>
        <translation>نشانی منبع</translation>
    </message>
    <message>
        <source>The address the article was saved from (never opened)</source>
        <translation>نشانی‌ای که مقاله از آن ذخیره شده است (هرگز باز نمی‌شود)</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>رونوشت نشانی</translation>
    </message>
    <message>
        <source>Copy the source URL</source>
        <translation>رونوشت نشانی منبع</translation>
    </message>
    <message>
        <source>Show original</source>
        <translation>نمایش اصل فایل</translation>
    </message>
    <message>
        <source>Show the original file as text</source>
        <translation>نمایش فایل اصلی به صورت متن</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>بخش</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>تاریخ انتشار</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>تاریخ ذخیره</translation>
    </message>
    <message>
        <source>Original file: {name}</source>
        <translation>فایل اصلی: {name}</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <source>Article</source>
        <translation>مقاله</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Highlight {color}</source>
        <translation>برجسته‌سازی با {color}</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>کجا</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>کلیدها</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>ستون‌ها</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Reader</source>
        <translation>خواننده</translation>
    </message>
    <message>
        <source>Highlight the selected text in that colour</source>
        <translation>برجسته‌سازی متن برگزیده با آن رنگ</translation>
    </message>
    <message>
        <source>Select text (with caret browsing on, F7)</source>
        <translation>گزینش متن (با مرور با مکان‌نما، F7)</translation>
    </message>
    <message>
        <source>Move to a footnote marker or link, follow it</source>
        <translation>رفتن به نشانهٔ پانوشت یا پیوند، و دنبال کردن آن</translation>
    </message>
    <message>
        <source>Find in article</source>
        <translation>یافتن در مقاله</translation>
    </message>
    <message>
        <source>Next match, previous match</source>
        <translation>یافتهٔ بعدی، یافتهٔ قبلی</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>بستن نوار یافتن</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>کتابخانه</translation>
    </message>
    <message>
        <source>Read the selected article</source>
        <translation>خواندن مقالهٔ برگزیده</translation>
    </message>
    <message>
        <source>Open, tag, add to a dossier, re-extract, trash</source>
        <translation>باز کردن، برچسب‌زدن، افزودن به پرونده، استخراج دوباره، انتقال به زباله‌دان</translation>
    </message>
    <message>
        <source>Dossier builder</source>
        <translation>پرونده‌ساز</translation>
    </message>
    <message>
        <source>Move the selected articles up or down</source>
        <translation>جابه‌جایی مقاله‌های برگزیده به بالا یا پایین</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>همه‌جا</translation>
    </message>
    <message>
        <source>Next or previous control</source>
        <translation>کنترل بعدی یا قبلی</translation>
    </message>
    <message>
        <source>Open a menu, press a button (the underlined letter)</source>
        <translation>باز کردن منو، فشردن دکمه (حرف زیرخط‌دار)</translation>
    </message>
</context>
<context>
    <name>UndoCommand</name>
    <message>
        <source>Highlight ({color})</source>
        <translation>برجسته‌سازی ({color})</translation>
    </message>
    <message>
        <source>Delete highlight</source>
        <translation>حذف برجسته‌سازی</translation>
    </message>
    <message>
        <source>Colour {color}</source>
        <translation>رنگ {color}</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>حذف یادداشت</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>برچسب‌زدن</translation>
    </message>
    <message>
        <source>Tag highlight</source>
        <translation>برچسب‌زدن به برجسته‌سازی</translation>
    </message>
    <message>
        <source>Delete dossier</source>
        <translation>حذف پرونده</translation>
    </message>
    <message>
        <source>Reset citation</source>
        <translation>بازگشت ارجاع</translation>
    </message>
    <message>
        <source>Edit citation</source>
        <translation>ویرایش ارجاع</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>Welcome to Archivist</source>
        <translation>به Archivist خوش آمدید</translation>
    </message>
    <message>
        <source>Import saved web articles — plain text, HTML or MHTML — then highlight passages, note their footnotes and export dossiers. Everything stays on this computer.

Drop files or folders anywhere on this window, or:</source>
        <translation>مقاله‌های ذخیره‌شده از وب را (متن ساده، HTML یا MHTML) درون‌ریزی کنید، سپس بخش‌هایی از آن‌ها را برجسته کنید، برای پانوشت‌هایشان یادداشت بگذارید و از آن‌ها پرونده بسازید. همه‌چیز روی همین رایانه می‌ماند.

فایل‌ها یا پوشه‌ها را هرجای این پنجره رها کنید، یا:</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>درون‌ریزی فایل‌ها…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>درون‌ریزی یک پوشه…</translation>
    </message>
    <message>
        <source>Load the sample articles</source>
        <translation>بارگذاری مقاله‌های نمونه</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;فایل</translation>
    </message>
    <message>
        <source>&amp;New archive…</source>
        <translation>بایگانی &amp;جدید…</translation>
    </message>
    <message>
        <source>&amp;Open archive…</source>
        <translation>&amp;باز کردن بایگانی…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>بایگانی‌های &amp;اخیر</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;درون‌ریزی فایل‌ها…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>درون‌ریزی &amp;پوشه…</translation>
    </message>
    <message>
        <source>Load &amp;sample articles</source>
        <translation>بارگذاری مقاله‌های &amp;نمونه</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;واگرد</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;ازنو</translation>
    </message>
    <message>
        <source>&amp;Find in article</source>
        <translation>&amp;یافتن در مقاله</translation>
    </message>
    <message>
        <source>Search the &amp;archive</source>
        <translation>&amp;جست‌وجو در بایگانی</translation>
    </message>
    <message>
        <source>Copy &amp;citation</source>
        <translation>رونوشت &amp;ارجاع</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;ترجیحات…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;کوچک‌نمایی</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>اندازهٔ &amp;واقعی</translation>
    </message>
    <message>
        <source>&amp;Wider column</source>
        <translation>ستون &amp;پهن‌تر</translation>
    </message>
    <message>
        <source>&amp;Narrower column</source>
        <translation>ستون &amp;تنگ‌تر</translation>
    </message>
    <message>
        <source>&amp;Caret browsing</source>
        <translation>مرور با &amp;مکان‌نما</translation>
    </message>
    <message>
        <source>Next &amp;pane</source>
        <translation>&amp;بخش بعدی</translation>
    </message>
    <message>
        <source>Pre&amp;vious pane</source>
        <translation>بخش &amp;قبلی</translation>
    </message>
    <message>
        <source>&amp;Reader</source>
        <translation>&amp;خواننده</translation>
    </message>
    <message>
        <source>&amp;Dossier builder</source>
        <translation>&amp;پرونده‌ساز</translation>
    </message>
    <message>
        <source>&amp;Back to footnote marker</source>
        <translation>برگشت به &amp;نشانهٔ پانوشت</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>&amp;مقاله</translation>
    </message>
    <message>
        <source>&amp;Tag selected articles…</source>
        <translation>&amp;برچسب‌زدن به مقاله‌های انتخاب‌شده…</translation>
    </message>
    <message>
        <source>&amp;Re-extract selected articles</source>
        <translation>&amp;استخراج دوبارهٔ مقاله‌های انتخاب‌شده</translation>
    </message>
    <message>
        <source>Add to &amp;dossier…</source>
        <translation>افزودن به &amp;پرونده…</translation>
    </message>
    <message>
        <source>Show &amp;original</source>
        <translation>نمایش &amp;اصل فایل</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>انتقال به &amp;زباله‌دان</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;میان‌برهای صفحه‌کلید</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>نوار منو</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>اصلی</translation>
    </message>
</context>
<context>
    <name>WindowViews</name>
    <message numerus="yes">
        <source>%Ln match</source>
        <translation>
            <numerusform>%Ln یافته</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln matches</source>
        <translation>
            <numerusform>%Ln یافته</numerusform>
        </translation>
    </message>
    <message>
        <source>{matches} · {articles}</source>
        <translation>{matches} · {articles}</translation>
    </message>
    <message>
        <source>{articles} · {shown} shown</source>
        <translation>{articles} · نمایش {shown}</translation>
    </message>
</context>
<context>
    <name>citation_text</name>
    <message>
        <source>p. {page}</source>
        <translation type="vanished">ص. {page}</translation>
    </message>
</context>
<context>
    <name>flows</name>
    <message>
        <source>New dossier</source>
        <translation>پروندهٔ جدید</translation>
    </message>
    <message>
        <source>Title of the dossier:</source>
        <translation>عنوان پرونده:</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>خروجی PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>ساخت خروجی</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>خروجی ساخته شد</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>{path} نوشته شد.</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>باز کردن فایل</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>باز کردن پوشه</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>برچسب‌زدن…</translation>
    </message>
    <message>
        <source>Add to dossier</source>
        <translation>افزودن به پرونده</translation>
    </message>
    <message>
        <source>New dossier…</source>
        <translation>پروندهٔ جدید…</translation>
    </message>
    <message>
        <source>Re-extract</source>
        <translation>استخراج دوباره</translation>
    </message>
    <message>
        <source>Copy citation</source>
        <translation>رونوشت ارجاع</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>انتقال به زباله‌دان</translation>
    </message>
    <message>
        <source>Tag articles</source>
        <translation>برچسب‌زدن به مقاله‌ها</translation>
    </message>
    <message>
        <source>Re-extracting</source>
        <translation>استخراج دوباره</translation>
    </message>
    <message>
        <source>Corrected citations no longer match a note and are not used (article: notes): {notes}. They are kept; archivist check lists them.</source>
        <translation>ارجاع‌های اصلاح‌شده دیگر با هیچ پانوشتی جور نیستند و به کار نمی‌روند (مقاله: پانوشت‌ها): {notes}. نگه داشته شده‌اند؛ archivist check آن‌ها را فهرست می‌کند.</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>درون‌ریزی مقاله‌ها</translation>
    </message>
    <message>
        <source>Saved articles ({patterns})</source>
        <translation>مقاله‌های ذخیره‌شده ({patterns})</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>درون‌ریزی یک پوشه</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>درون‌ریزی</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>درون‌ریزی انجام شد</translation>
    </message>
</context>
</TS>
