//! Every problem's words, in Chinese and English: the one catalogue.
//!
//! A problem is a [`Code`] and its parameters (texts: a value found, a limit, a name); the words
//! are a template per code and language, where `{0}` is parameter 0, `{0:t}` parameter 0 as a
//! term of `TERMS` (a type's name, a syntax error), and `{1*}` parameters 1 onwards as a list.
//! The CLI and the builder's module fill them in here ([`words`]); the readers' module carries
//! codes and parameters only, and a reader's page gets the words from `src/web/problem-words.js`,
//! generated from this file (`catalogue_js`, `newschart catalogue --js`) and checked against it by a test.

/// Defines [`Code`], its ids and its two templates from one table.
macro_rules! catalogue {
    ($($(#[$doc:meta])* $name:ident = $id:literal: $zh:literal, $en:literal;)*) => {
        /// What a problem is; its parameters and words are in [`super::Problem`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Code {
            $($(#[$doc])* $name,)*
        }

        impl Code {
            /// Every code, in the catalogue's order (the order of their numbers).
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            /// The code's number, which is what the readers' module gives JavaScript (their names
            /// would cost the module bytes): `src/web/problem-words.js` lists the codes in this
            /// order, and `problems.js` gives each problem its name from there.
            pub fn number(self) -> u8 {
                self as u8
            }

            /// The code's name: `wrong-type`.
            #[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
            pub fn id(self) -> &'static str {
                match self {
                    $(Code::$name => $id,)*
                }
            }

            /// The template of the words, in Chinese (`zh`) or English.
            #[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
            pub fn template(self, zh: bool) -> &'static str {
                match self {
                    $(Code::$name => if zh { $zh } else { $en },)*
                }
            }
        }
    };
}

catalogue! {
    /// A given message, for problems found outside the feed's checks (the two words are the parameters).
    Said = "said": "{0}", "{1}";
    /// Bytes that are not UTF-8: offset (from 1) and the byte in hex.
    NotUtf8 = "not-utf8": "不是 UTF-8 文本：第 {0} 个字节（0x{1}）无效；请将文件另存为 UTF-8 编码（可能是 GBK）", "not UTF-8 text: byte {0} (0x{1}) is invalid; save the file as UTF-8 (it may be GBK)";
    /// The text is over the limit: its bytes and the limit.
    TooLarge = "too-large": "数据文件过大：{0} 字节，上限为 {1} 字节（max_bytes）", "feed is too large: {0} bytes, the limit is {1} bytes (max_bytes)";
    /// Nothing but whitespace.
    Empty = "empty": "数据文件是空的", "the feed is empty";
    /// Not JSON (the text ends too early): serde_json's "EOF while parsing a value".
    JsonEofValue = "json-eof-value": "不是有效的 JSON：内容不完整，文件意外结束（可能缺少 } 或 ]）（EOF while parsing a value）", "not valid JSON: EOF while parsing a value";
    /// Not JSON (the text ends too early): serde_json's "EOF while parsing a list".
    JsonEofList = "json-eof-list": "不是有效的 JSON：内容不完整，文件意外结束（可能缺少 } 或 ]）（EOF while parsing a list）", "not valid JSON: EOF while parsing a list";
    /// Not JSON (the text ends too early): serde_json's "EOF while parsing an object".
    JsonEofObject = "json-eof-object": "不是有效的 JSON：内容不完整，文件意外结束（可能缺少 } 或 ]）（EOF while parsing an object）", "not valid JSON: EOF while parsing an object";
    /// Not JSON (the text ends too early): serde_json's "EOF while parsing a string".
    JsonEofString = "json-eof-string": "不是有效的 JSON：内容不完整，文件意外结束（可能缺少 } 或 ]）（EOF while parsing a string）", "not valid JSON: EOF while parsing a string";
    /// Not JSON: serde_json's "expected `:`".
    JsonExpectedColon = "json-expected-colon": "不是有效的 JSON：语法错误（expected `:`）", "not valid JSON: expected `:`";
    /// Not JSON: serde_json's "expected `,` or `]`".
    JsonListComma = "json-list-comma": "不是有效的 JSON：语法错误（expected `,` or `]`）", "not valid JSON: expected `,` or `]`";
    /// Not JSON: serde_json's "expected `,` or `}`".
    JsonObjectComma = "json-object-comma": "不是有效的 JSON：语法错误（expected `,` or `}`）", "not valid JSON: expected `,` or `}`";
    /// Not JSON: serde_json's "expected ident".
    JsonIdent = "json-ident": "不是有效的 JSON：语法错误（expected ident）", "not valid JSON: expected ident";
    /// Not JSON: serde_json's "expected value".
    JsonValue = "json-value": "不是有效的 JSON：语法错误（expected value）", "not valid JSON: expected value";
    /// Not JSON: serde_json's "invalid escape".
    JsonEscape = "json-escape": "不是有效的 JSON：语法错误（invalid escape）", "not valid JSON: invalid escape";
    /// Not JSON: serde_json's "invalid number".
    JsonNumber = "json-number": "不是有效的 JSON：语法错误（invalid number）", "not valid JSON: invalid number";
    /// Not JSON: serde_json's "number out of range".
    JsonRange = "json-range": "不是有效的 JSON：语法错误（number out of range）", "not valid JSON: number out of range";
    /// Not JSON: serde_json's "control character (\u0000-\u001F) found while parsing a string".
    JsonControl = "json-control": "不是有效的 JSON：语法错误（control character (\\u0000-\\u001F) found while parsing a string）", "not valid JSON: control character (\\u0000-\\u001F) found while parsing a string";
    /// Not JSON: serde_json's "key must be a string".
    JsonKey = "json-key": "不是有效的 JSON：语法错误（key must be a string）", "not valid JSON: key must be a string";
    /// Not JSON: serde_json's "lone leading surrogate in hex escape".
    JsonSurrogate = "json-surrogate": "不是有效的 JSON：语法错误（lone leading surrogate in hex escape）", "not valid JSON: lone leading surrogate in hex escape";
    /// Not JSON: serde_json's "trailing comma".
    JsonTrailingComma = "json-trailing-comma": "不是有效的 JSON：语法错误（trailing comma）", "not valid JSON: trailing comma";
    /// Not JSON: serde_json's "trailing characters".
    JsonTrailing = "json-trailing": "不是有效的 JSON：语法错误（trailing characters）", "not valid JSON: trailing characters";
    /// Not JSON: serde_json's "unexpected end of hex escape".
    JsonHexEnd = "json-hex-end": "不是有效的 JSON：语法错误（unexpected end of hex escape）", "not valid JSON: unexpected end of hex escape";
    /// Not JSON: serde_json's "recursion limit exceeded".
    JsonDepth = "json-depth": "不是有效的 JSON：语法错误（recursion limit exceeded）", "not valid JSON: recursion limit exceeded";
    /// A value of the wrong type: the term wanted and the term found.
    WrongType = "wrong-type": "应为{0:t}，实际是{1:t}", "must be {0:t}, found {1:t}";
    /// A required field is absent: its key.
    Missing = "missing": "缺少必填字段 \"{0}\"", "required field \"{0}\" is missing";
    /// An unknown field, ignored: its key.
    UnknownField = "unknown-field": "未知字段 \"{0}\"，已忽略", "unknown field \"{0}\" was ignored";
    /// The format version is newer: the feed's and the one read.
    NewerVersion = "newer-version": "数据格式版本 {0} 比本组件新；本组件只能读取版本 {1}，请更新组件", "feed format version {0} is newer than this widget reads; it reads version {1} only, please update the widget";
    /// The version is not one: the feed's and the one read.
    BadVersion = "bad-version": "版本号 {0} 无效；本组件读取版本 {1}", "version {0} is not valid; this widget reads version {1}";
    /// `datasets` is empty.
    NoDatasets = "no-datasets": "至少需要一个数据集", "needs at least one dataset";
    /// Two datasets share an id: the id.
    DuplicateId = "duplicate-id": "数据集 id \"{0}\" 重复", "dataset id \"{0}\" is used twice";
    /// No dataset has the id asked for: the id.
    NoSuchDataset = "no-such-dataset": "没有 id 为 \"{0}\" 的数据集", "there is no dataset with id \"{0}\"";
    /// An unknown chart kind: the kind (the words list `spec::KINDS`: a test checks they agree).
    UnknownKind = "unknown-kind": "不认识的图表类型 \"{0}\"；可用：column、bar、line、area、progress、donut、pie、table", "unknown chart kind \"{0}\"; use one of column, bar, line, area, progress, donut, pie, table";
    /// An unknown locale: the locale.
    UnknownLocale = "unknown-locale": "不支持的语言 \"{0}\"；可用：zh-CN、en", "unsupported locale \"{0}\"; use zh-CN or en";
    /// `x` is neither category nor date: its value.
    UnknownX = "unknown-x": "x 只能是 \"category\" 或 \"date\"，实际是 \"{0}\"", "x must be \"category\" or \"date\", found \"{0}\"";
    /// An unknown number style: the style.
    UnknownNumberStyle = "unknown-number-style": "不认识的数字格式 \"{0}\"；可用：cn、full、compact", "unknown number style \"{0}\"; use cn, full or compact";
    /// Too many points: the points and the limit.
    TooManyPoints = "too-many-points": "数据点过多：{0} 个，上限为 {1} 个（max_points）", "too many data points: {0}, the limit is {1} (max_points)";
    /// `categories` is empty.
    NoCategories = "no-categories": "至少需要一个类别", "needs at least one category";
    /// A category that is not a date: the category.
    NotADate = "not-a-date": "\"{0}\" 不是日期；x 为 \"date\" 时类别须写成 2022、2022-03 或 2022-03-15", "\"{0}\" is not a date; with x \"date\" categories are written 2022, 2022-03 or 2022-03-15";
    /// A date before the one before it: the date.
    DateOrder = "date-order": "日期 \"{0}\" 早于前一个日期；图表按时间顺序画线", "date \"{0}\" comes before the previous one; the chart draws lines in time order";
    /// `decimals` is not 0 to 6: the value found, as JSON.
    BadDecimals = "bad-decimals": "decimals 应为 0 到 6 的整数，实际是 {0}", "decimals must be a whole number from 0 to 6, found {0}";
    /// `series` is empty.
    NoSeries = "no-series": "至少需要一个数据系列", "needs at least one series";
    /// A colour that is not one: the colour.
    BadColor = "bad-color": "颜色 \"{0}\" 无效；请写成 #1f77b4 这样的形式", "colour \"{0}\" is not valid; write it like #1f77b4";
    /// A number too large for a float.
    OutOfRange = "out-of-range": "数字超出范围", "number is out of range";
    /// Text where a number belongs: the text.
    QuotedNumber = "quoted-number": "应为数字，实际是文本 \"{0}\"；请去掉引号，写成不带单位的数字（如 72500），缺失值写 null", "must be a number, found text \"{0}\"; remove the quotes and write a plain number (e.g. 72500), or null for a missing value";
    /// A series' values and the categories differ in number: the values and the categories.
    LengthMismatch = "length-mismatch": "有 {0} 个值，但有 {1} 个类别；两者数量必须相同", "has {0} values but there are {1} categories; they must match";
    /// A negative share in a donut or pie.
    NegativeShare = "negative-share": "环形图和饼图表示各部分占比，不能有负数", "a donut or pie shows shares of a whole and cannot have negative values";
    /// A donut or pie with several series.
    FirstSeriesOnly = "first-series-only": "环形图和饼图只画第一个数据系列", "a donut or pie draws the first series only";
    /// `highlight` names a series that is not there: the name, then the series there are.
    UnknownHighlight = "unknown-highlight": "要突出显示的系列 \"{0}\" 不在数据中；数据中的系列：{1*}", "highlight names a series \"{0}\" that is not in the data; its series are: {1*}";
    /// An annotation names a category that is not there: the category.
    NoSuchCategory = "no-such-category": "没有名为 \"{0}\" 的类别", "there is no category \"{0}\"";
    /// An annotation names a series that is not there: the name.
    NoSuchSeries = "no-such-series": "没有名为 \"{0}\" 的数据系列", "there is no series \"{0}\"";
    /// An unknown annotation type: the type.
    UnknownAnnotation = "unknown-annotation": "不认识的标注类型 \"{0}\"；可用：target、highlight、label", "unknown annotation type \"{0}\"; use target, highlight or label";
    /// A progress chart without a target.
    NoTarget = "no-target": "进度图需要 \"target\"：{\"value\": 目标值, \"label\": \"年度任务\"}", "a progress chart needs \"target\": {\"value\": …, \"label\": \"…\"}";
    /// A target of 0 or less.
    TargetNotPositive = "target-not-positive": "目标值必须大于 0", "target value must be greater than 0";
    /// A link that is not http or https: the link.
    BadLink = "bad-link": "链接 \"{0}\" 无效；只接受 http:// 或 https:// 开头的地址", "link \"{0}\" is not allowed; only http:// and https:// addresses are";
    /// CSV: a cell that is not a number: the cell, then a hint (a term: `hint-decimal-comma`, `hint-garbled`, `hint-none`).
    CsvNotANumber = "csv-not-a-number": "\"{0}\" 不是数字{1:t}；缺失值请留空或写 -", "\"{0}\" is not a number{1:t}; leave a missing value empty or write -";
    /// CSV: a cell with its own multiplier under a header that gives the unit: the cell.
    CsvOwnMultiplier = "csv-own-multiplier": "\"{0}\" 自带倍数（万、亿、k、M 等），而表头已写明单位：请只写数字", "\"{0}\" has its own multiplier (万, 亿, k, M …) while the header already gives the unit: write the number only";
    /// CSV: a cell's unit is not the header's: the cell's unit and the header's.
    CsvUnitNotHeaders = "csv-unit-not-headers": "单位 \"{0}\" 与表头的单位 \"{1}\" 不一致", "unit \"{0}\" differs from the header's unit \"{1}\"";
    /// CSV: a cell carries a unit no other cell has: the cell and the unit.
    CsvStrayUnit = "csv-stray-unit": "\"{0}\" 不是数字：本列其他单元格没有 \"{1}\"；请改正这个单元格，缺失值请留空或写 -", "\"{0}\" is not a number: no other cell of this column has \"{1}\"; correct the cell, or leave a missing value empty or write -";
    /// CSV: a cell lacks the unit every other cell has: the cell and the unit.
    CsvLacksUnit = "csv-lacks-unit": "\"{0}\" 没有写 \"{1}\"，而本列其他单元格都有：请在每个单元格都写上，或把单位写在表头", "\"{0}\" has no \"{1}\" while the other cells of this column have it: write it in every cell, or put the unit in the header";
    /// CSV: a cell's unit is not the column's: the cell's unit and the column's.
    CsvUnitNotColumns = "csv-unit-not-columns": "单位 \"{0}\" 与本列其他单元格的单位 \"{1}\" 不一致：同一列只能有一个单位", "unit \"{0}\" differs from \"{1}\" in the other cells of this column: a column has one unit";
    /// CSV: a number too large: the cell.
    CsvOutOfRange = "csv-out-of-range": "\"{0}\" 超出数字范围", "\"{0}\" is out of range";
    /// CSV: a currency sign on some cells only: the sign, then the rows that have it.
    CsvSomeCurrency = "csv-some-currency": "本列只有部分单元格带货币符号（第 {1*} 行），其余没有：没有把 \"{0}\" 当作单位；请在表头写明单位或用 --unit 指定", "only some cells of this column carry a currency sign (rows {1*}): \"{0}\" was not taken as its unit; name the unit in the header or with --unit";
    /// CSV: UTF-16 with an odd number of bytes.
    CsvUtf16Odd = "csv-utf16-odd": "文件是 UTF-16 编码，但字节数为奇数，文件可能不完整", "the file is UTF-16 but has an odd number of bytes: it may be cut short";
    /// CSV: UTF-16 with a lone surrogate: its code unit in hex.
    CsvUtf16Surrogate = "csv-utf16-surrogate": "UTF-16 文本中有无效的代理项 0x{0}，文件可能已损坏；请在 Excel 中另存为 'CSV UTF-8（逗号分隔）'", "the UTF-16 text has an invalid surrogate 0x{0}, the file may be damaged; save as 'CSV UTF-8 (Comma delimited)' in Excel";
    /// CSV: a GBK file.
    CsvGbk = "csv-gbk": "文件是 GBK（国标）编码，这是 Excel 在中文 Windows 上保存 CSV 的默认编码；本工具只读取 UTF-8。请在 Excel 中另存为 'CSV UTF-8（逗号分隔）'（WPS：另存为时把编码选为 UTF-8）", "the file is GBK-encoded (Chinese Windows Excel's default for CSV); this tool reads UTF-8 only. Save as 'CSV UTF-8 (Comma delimited)' in Excel (in WPS, choose UTF-8 as the encoding when saving)";
    /// CSV: bytes that are not UTF-8: offset (from 1) and the byte in hex.
    CsvNotUtf8 = "csv-not-utf8": "不是 UTF-8 文本：第 {0} 个字节 0x{1} 无效；请把文件另存为 UTF-8（Excel：'CSV UTF-8（逗号分隔）'）", "not UTF-8 text: byte {0} (0x{1}) is not valid; save the file as UTF-8 (in Excel: 'CSV UTF-8 (Comma delimited)')";
    /// CSV: a quoted field that never ends: the line it starts on.
    CsvOpenQuote = "csv-open-quote": "从第 {0} 行开始的引号字段直到文件末尾都没有结束：是否少了一个右引号 \"？", "the quoted field that starts on line {0} never ends: is a closing \" missing?";
    /// CSV: text after a closing quote.
    CsvAfterQuote = "csv-after-quote": "右引号后面还有文字，已一并读入；引号内的引号要写成两个 \"\"", "there is text after the closing quote; it was read as part of the field (a quote inside quotes is written \"\")";
    /// .xlsx: the file cannot be read: the reader's error.
    XlsxUnreadable = "xlsx-unreadable": "无法读取这个 .xlsx 文件（{0}）：如果它是 .ods 或 .numbers 文件，请另存为 .xlsx 或 CSV", "cannot read this .xlsx file ({0}): if it is an .ods or .numbers file, save it as .xlsx or CSV";
    /// .xlsx: no sheet of that name or number: the sheet asked for and the sheets there are.
    XlsxNoSheet = "xlsx-no-sheet": "没有工作表 \"{0}\"；这个文件的工作表有：{1}", "there is no sheet \"{0}\"; the file's sheets are: {1}";
    /// .xlsx: a sheet cannot be read: its name and the reader's error.
    XlsxSheetUnreadable = "xlsx-sheet-unreadable": "无法读取工作表 \"{0}\"：{1}", "cannot read sheet \"{0}\": {1}";
    /// CSV: an old .xls file.
    CsvXls = "csv-xls": "这是旧版 Excel 文件（.xls）：请在 Excel 或 WPS 中另存为 .xlsx 或 'CSV UTF-8（逗号分隔）'", "this is an old Excel file (.xls): save it as .xlsx or 'CSV UTF-8 (Comma delimited)' in Excel or WPS";
    /// CSV: an .xlsx file given to a module without the .xlsx reader.
    CsvNoXlsxReader = "csv-no-xlsx-reader": "这个模块不读 .xlsx 文件：请用图表生成器打开，或另存为 'CSV UTF-8（逗号分隔）'", "this module does not read .xlsx files: open it in the builder, or save it as 'CSV UTF-8 (Comma delimited)'";
    /// CSV: nothing in the file.
    CsvNoData = "csv-no-data": "文件里没有数据", "the file has no data";
    /// CSV: a column with values and no header: the column's number, a row with a value, the header's row.
    CsvUnnamedColumn = "csv-unnamed-column": "第 {0} 列有数据（例如第 {1} 行）但没有表头：请在第 {2} 行给这一列写上名称", "column {0} has values (e.g. in row {1}) but no header: name it in row {2}";
    /// CSV: a header and no rows.
    CsvNoRows = "csv-no-rows": "表头下面没有数据行", "there are no rows of data under the header";
    /// CSV: an option names a column that is not there: the option, the name, then the columns there are.
    CsvNoSuchColumn = "csv-no-such-column": "{0} 指定的列 \"{1}\" 不存在；表头有：{2*}", "{0} names a column \"{1}\" that the header does not have; the columns are: {2*}";
    /// CSV: an empty x cell in a pivot.
    CsvEmptyX = "csv-empty-x": "x 列是空的：请填写类别或日期", "the x column is empty: write a category or a date";
    /// CSV: an empty series name in a pivot.
    CsvEmptySeriesName = "csv-empty-series-name": "系列名称是空的", "the series name is empty";
    /// CSV: a pivot with two values for one place: the series, the x, the row of the first.
    CsvPivotRepeat = "csv-pivot-repeat": "\"{0}\" 在 {1} 已有一个值（第 {2} 行）", "\"{0}\" already has a value at {1} (row {2})";
    /// CSV: a column of text left out: its header.
    CsvTextLeftOut = "csv-text-left-out": "\"{0}\" 列是文字，不是数字：已略去，不作为数据系列", "column \"{0}\" holds text, not numbers: it was left out and is not a series";
    /// CSV: a column of dates left out: its header.
    CsvDatesLeftOut = "csv-dates-left-out": "\"{0}\" 列是日期，不是数字：已略去，不作为数据系列", "column \"{0}\" holds dates, not numbers: it was left out and is not a series";
    /// CSV: a chosen column that is not numbers: its header.
    CsvNotNumbers = "csv-not-numbers": "\"{0}\" 列不是数字，不能作为数据系列", "column \"{0}\" does not hold numbers and cannot be a series";
    /// CSV: two columns of one name: the name and the two columns' numbers.
    CsvSameName = "csv-same-name": "有两列都叫 \"{0}\"（第 {1} 列和第 {2} 列），图例中无法区分", "two columns are named \"{0}\" (columns {1} and {2}): the legend cannot tell them apart";
    /// CSV: fewer than two columns.
    CsvTooFewColumns = "csv-too-few-columns": "至少需要两列：第一列是类别或日期，后面至少一列数字作为数据系列", "needs at least two columns: categories or dates first, then at least one column of numbers as a series";
    /// CSV: an empty category.
    CsvEmptyCategory = "csv-empty-category": "类别（x 列）是空的：请填写类别名称或日期", "the category (the x column) is empty: write a name or a date";
    /// CSV: a value past the header's columns: its column's number and the header's width.
    CsvPastHeader = "csv-past-header": "第 {0} 列有数据，但表头只有 {1} 列：是否有值里的逗号没有加引号？", "there is a value in column {0} but the header has only {1} columns: is a comma inside a value not quoted?";
    /// CSV: a date repeated: the date.
    CsvSameDate = "csv-same-date": "日期 {0} 与上一行重复", "date {0} is the same as in the row before";
    /// CSV: dates out of order: the date and the one before it.
    CsvDateOrder = "csv-date-order": "各行没有按日期排序：{0} 排在 {1} 之后", "rows are not in date order: {0} comes after {1}";
    /// CSV: a long (tidy) table: the x column, the series column, the value column.
    CsvLongTable = "csv-long-table": "这张表是\"长表\"：每行是一个 \"{0}\" 和一个 \"{1}\" 的值。要为每个 \"{1}\" 画一条线，请用 --pivot series={1},value={2}", "this table is long (tidy): each row holds the value of one \"{0}\" and one \"{1}\". To draw one series per \"{1}\", use --pivot series={1},value={2}";
    /// CSV: a table that looks long (tidy): the x column, the series column, the value column.
    CsvLooksLong = "csv-looks-long": "这张表看起来是\"长表\"：每行是一个 \"{0}\" 和一个 \"{1}\" 的值。如果要为每个 \"{1}\" 画一条线，请用 --pivot series={1},value={2}", "this table looks long (tidy): each row holds the value of one \"{0}\" and one \"{1}\". To draw one series per \"{1}\", use --pivot series={1},value={2}";
    /// CSV: dates that read as month/day or day/month: one of them.
    CsvAmbiguousDates = "csv-ambiguous-dates": "日期（如 {0}）既可读作月/日，也可读作日/月：已按月/日（美国写法）读入；如为日/月，请用 --date-order dmy", "dates such as {0} read as month/day or day/month: read as month/day (US); if they are day/month, use --date-order dmy";
    /// CSV: dates across the header: the first and the last.
    CsvDatesAcross = "csv-dates-across": "表头是日期（{0} … {1}）：时间沿横向排列，每个日期成了一个数据系列；要画随时间变化的图，请转置表格，让日期排在第一列", "the headers are dates ({0} … {1}): time runs across the table and each date became a series; for a chart over time, transpose the table so the dates run down the first column";
    /// CSV: a row shorter than the header: its fields and the header's.
    CsvShortRow = "csv-short-row": "这一行只有 {0} 个字段，表头有 {1} 个；缺少的单元格按缺失值处理", "this row has {0} fields and the header {1}: the cells it lacks are read as missing values";
    /// CSV: rows shorter than the header: how many, the header's fields, `…` when not all are listed, then the rows.
    CsvShortRows = "csv-short-rows": "有 {0} 行的字段比表头（{1} 个）少（第 {3*}{2} 行）；缺少的单元格按缺失值处理", "{0} rows have fewer fields than the header's {1} (rows {3*}{2}): the cells they lack are read as missing values";
}

/// Words that fill `{N:t}`: an id, then the words in Chinese and English: the types a value can
/// have and be asked to have.
#[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
pub fn terms() -> Vec<(&'static str, &'static str, &'static str)> {
    vec![
        ("null", "null", "null"),
        ("boolean", "布尔值", "a boolean"),
        ("number", "数字", "a number"),
        ("text", "文本", "text"),
        ("array", "数组", "an array"),
        ("object", "对象", "an object"),
        ("feed", "对象 {\"version\": 1, \"datasets\": [...]}", "an object {\"version\": 1, \"datasets\": [...]}"),
        ("version", "整数 1", "the integer 1"),
        ("texts", "文本数组", "an array of text"),
        ("series", "对象 {\"name\": …, \"values\": […]}", "an object {\"name\": …, \"values\": […]}"),
        ("value", "数字或 null", "a number or null"),
        ("values", "数字数组", "an array of numbers"),
        ("series-names", "由系列名称组成的数组", "a list of series names"),
        ("series-name", "系列名称（文本）", "a series name (text)"),
        ("notes", "文本或文本数组", "text or an array of text"),
        ("source", "文本或对象 {\"text\": …, \"url\": …}", "text or an object {\"text\": …, \"url\": …}"),
        ("flag", "true 或 false", "true or false"),
        // what a CSV cell that is not a number may be
        ("hint-decimal-comma", "；如果逗号是小数点，请改用小数点（7.25）或用 --decimal , 读入", "; if the comma is a decimal point, write a point (7.25) or read the file with --decimal ,"),
        ("hint-garbled", "；数字后面只能跟单位（如 万人、户、%）", "; only a unit may follow the number (such as 万人, 户, %)"),
        ("hint-none", "", ""),
    ]
}

/// The list separator of `{N*}`.
#[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
pub(crate) const SEPARATOR: [&str; 2] = ["、", ", "];

/// The words of `code` with its parameters `args`, in Chinese (`zh`) or English.
#[cfg(any(feature = "builder", not(target_arch = "wasm32")))]
pub fn words(code: Code, args: &[String], zh: bool) -> String {
    let terms = terms();
    let term = |id: &str| terms.iter().find(|t| t.0 == id).map_or(id, |t| if zh { t.1 } else { t.2 }).to_string();
    let mut out = String::new();
    let mut rest = code.template(zh);
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let (Ok(n), Some(close)) = (after[..digits].parse::<usize>(), after.find('}')) else {
            // a brace of the words themselves
            out.push('{');
            rest = after;
            continue;
        };
        let arg = args.get(n).map_or("", String::as_str);
        match &after[digits..close] {
            "" => out.push_str(arg),
            ":t" => out.push_str(&term(arg)),
            "*" => out.push_str(&args.get(n..).unwrap_or_default().join(SEPARATOR[usize::from(!zh)])),
            _ => {
                out.push('{');
                out.push_str(&after[..=close]);
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}
