// SPDX-License-Identifier: GPL-3.0-or-later
#include "identity/IdCardOcrReader.h"

#include "domain/OldIdNumber.h"
#include "domain/PassportNumber.h"
#include "domain/PersonalId.h"
#include "domain/SearchFolding.h"
#include "domain/TaxCode.h"
#include "identity/CardValues.h"
#include "identity/MrzCheck.h"
#include "identity/NameCasing.h"

#include <QRegularExpression>
#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

namespace sohoa::identity {

namespace {

// One piece of an OCR word: words are split at '/' and ':' so that "name:NGUYỄN" or
// "tên/Full" still show their label parts.
struct Token
{
    QString raw;
    QString folded; // letters and digits only, without diacritics, lower case
    QRect box;
    double confidence = 0; // 0..1
    int line = 0;
    bool isLabel = false;
    bool isLabelledValue = false; // follows a label on its line: that label's value
};

struct LabelSpec
{
    std::optional<FieldKind> kind; // nullopt: text that only ends the value before it
    QStringList phrases;           // folded words separated by spaces
};

const std::vector<LabelSpec>& labelSpecs()
{
    static const std::vector<LabelSpec> specs{
        {FieldKind::IdNumber,
         {"so dinh danh ca nhan", "personal identification number", "so can cuoc cong dan", "so",
          "no"}},
        {FieldKind::FullName,
         {"ho va ten", "ho chu dem va ten khai sinh", "ho chu dem va ten", "full name"}},
        {FieldKind::DateOfBirth, {"ngay thang nam sinh", "ngay sinh", "date of birth"}},
        {FieldKind::Sex, {"gioi tinh", "sex"}},
        {FieldKind::Nationality, {"quoc tich", "nationality"}},
        {FieldKind::PlaceOfOrigin, {"que quan", "place of origin"}},
        {FieldKind::Address, {"noi thuong tru", "noi cu tru", "place of residence"}},
        {FieldKind::IssueDate, {"ngay thang nam cap", "ngay cap", "date of issue"}},
        {FieldKind::TaxCode, {"ma so thue", "tax code", "tax identification number"}},
        {FieldKind::Passport, {"so ho chieu", "passport number", "passport no"}},
        {FieldKind::OldId, {"so cmnd", "so chung minh nhan dan", "old id number"}},
        {std::nullopt,
         {"co gia tri den", "date of expiry", "can cuoc cong dan", "citizen identity card",
          "can cuoc", "identity card", "cong hoa xa hoi chu nghia viet nam",
          "doc lap tu do hanh phuc", "socialist republic of viet nam",
          "independence freedom happiness"}},
    };
    return specs;
}

QString foldToken(QStringView raw)
{
    QString out;
    for (QChar c : domain::foldForSearch(raw)) {
        if (c.isLetterOrNumber())
            out += c;
    }
    return out;
}

int editDistance(QStringView a, QStringView b)
{
    std::vector<int> previous(static_cast<size_t>(b.size() + 1));
    std::vector<int> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution =
                previous[static_cast<size_t>(j - 1)] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[static_cast<size_t>(j)] =
                std::min({previous[static_cast<size_t>(j)] + 1,
                          current[static_cast<size_t>(j - 1)] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[static_cast<size_t>(b.size())];
}

bool tokenMatches(QStringView seen, QStringView wanted)
{
    const int allowed = wanted.size() <= 3 ? 0 : wanted.size() <= 5 ? 1 : 2;
    if (std::abs(seen.size() - wanted.size()) > allowed)
        return false;
    return editDistance(seen, wanted) <= allowed;
}

// OCR's usual letter-for-digit confusions, fixed only in tokens that are mostly digits.
QString fixDigits(QStringView raw)
{
    int digits = 0, others = 0;
    for (QChar c : raw) {
        if (c.isDigit())
            ++digits;
        else if (c.isLetter())
            ++others;
    }
    if (digits == 0 || digits < others)
        return raw.toString();
    QString out;
    for (QChar c : raw) {
        switch (c.unicode()) {
        case u'O':
        case u'o':
        case u'D':
        case u'Q':
            out += QLatin1Char('0');
            break;
        case u'I':
        case u'l':
        case u'|':
        case u'i':
        case u'!':
            out += QLatin1Char('1');
            break;
        case u'Z':
        case u'z':
            out += QLatin1Char('2');
            break;
        case u'S':
        case u's':
            out += QLatin1Char('5');
            break;
        case u'B':
            out += QLatin1Char('8');
            break;
        case u'G':
            out += QLatin1Char('6');
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString digitsOnly(QStringView text)
{
    QString out;
    for (QChar c : text) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            out += c;
    }
    return out;
}

// A personal ID from OCR digits. Every province code starts with 0 and OCR likes to lose a
// leading 0 into the label's colon: 11 digits are tried with it put back, at a lower
// confidence. Returns the ID and how much to trust it relative to the words' confidence.
std::optional<std::pair<QString, double>> personalIdFrom(const QString& digits)
{
    if (digits.size() == domain::PersonalId::kLength && domain::PersonalId::isValid(digits))
        return std::make_pair(digits, 1.0);
    const QString restored = QLatin1Char('0') + digits;
    if (digits.size() == domain::PersonalId::kLength - 1 && domain::PersonalId::isValid(restored))
        return std::make_pair(restored, 0.7);
    return std::nullopt;
}

struct Label
{
    std::optional<FieldKind> kind;
    int line = 0;
    int first = 0; // token indices within the line, inclusive
    int last = 0;
    QRect box;
};

struct Value
{
    QString text; // the value's words joined by spaces (raw OCR text)
    QRect box;
    double confidence = 0;
    std::vector<const Token*> tokens;
};

class Reader
{
public:
    explicit Reader(const ocr::PageText& text)
    {
        for (size_t l = 0; l < text.lines.size(); ++l) {
            std::vector<Token> tokens;
            for (const ocr::Word& word : text.lines[l].words)
                split(word, static_cast<int>(l), tokens);
            lines_.push_back(std::move(tokens));
            lineBoxes_.push_back(text.lines[l].box);
        }
        findLabels();
        // Words right after a label on its line are that label's value, never the value
        // below another label (e.g. the expiry date beside an address's second line).
        for (const Label& label : labels_) {
            const auto [first, end] = sameLineRange(label);
            for (size_t i = first; i < end; ++i)
                lines_[static_cast<size_t>(label.line)][i].isLabelledValue = true;
        }
    }

    IdentityFields read();

private:
    static void split(const ocr::Word& word, int line, std::vector<Token>& out)
    {
        const QString& text = word.text;
        qsizetype start = 0;
        auto add = [&](qsizetype from, qsizetype to) {
            if (to <= from)
                return;
            Token token;
            token.raw = text.mid(from, to - from);
            token.folded = foldToken(token.raw);
            const double perChar = static_cast<double>(word.box.width()) / text.size();
            token.box =
                QRect(word.box.left() + static_cast<int>(from * perChar), word.box.top(),
                      std::max(1, static_cast<int>((to - from) * perChar)), word.box.height());
            token.confidence = std::clamp(word.confidence / 100.0, 0.0, 1.0);
            token.line = line;
            out.push_back(std::move(token));
        };
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] == QLatin1Char('/') || text[i] == QLatin1Char(':')) {
                add(start, i);
                add(i, i + 1);
                start = i + 1;
            }
        }
        add(start, text.size());
    }

    // Whether a one-word short label ("Số", "No", "Sex") is followed by label punctuation.
    bool punctuatedAfter(int line, int index) const
    {
        const std::vector<Token>& tokens = lines_[static_cast<size_t>(line)];
        const QString& raw = tokens[static_cast<size_t>(index)].raw;
        if (raw.endsWith(QLatin1Char('.')) || raw.endsWith(QLatin1Char(':')))
            return true;
        if (static_cast<size_t>(index + 1) < tokens.size()) {
            const QString& next = tokens[static_cast<size_t>(index + 1)].raw;
            return next.startsWith(QLatin1Char('/')) || next.startsWith(QLatin1Char(':')) ||
                   next.startsWith(QLatin1Char('.'));
        }
        return false;
    }

    void findLabels()
    {
        struct Candidate
        {
            Label label;
            int length = 0;
        };
        for (size_t l = 0; l < lines_.size(); ++l) {
            const std::vector<Token>& tokens = lines_[l];
            std::vector<int> words; // indices of tokens with letters or digits
            for (size_t i = 0; i < tokens.size(); ++i) {
                if (!tokens[i].folded.isEmpty())
                    words.push_back(static_cast<int>(i));
            }
            std::vector<Candidate> candidates;
            for (const LabelSpec& spec : labelSpecs()) {
                for (const QString& phrase : spec.phrases) {
                    const QStringList parts = phrase.split(QLatin1Char(' '));
                    for (size_t start = 0;
                         start + static_cast<size_t>(parts.size()) <= words.size(); ++start) {
                        bool all = true;
                        for (qsizetype p = 0; p < parts.size() && all; ++p)
                            all = tokenMatches(
                                tokens[static_cast<size_t>(words[start + static_cast<size_t>(p)])]
                                    .folded,
                                parts[p]);
                        if (!all)
                            continue;
                        const int first = words[start];
                        const int last = words[start + static_cast<size_t>(parts.size()) - 1];
                        if (parts.size() == 1 && parts[0].size() <= 3 &&
                            !punctuatedAfter(static_cast<int>(l), last))
                            continue;
                        Candidate candidate;
                        candidate.label = Label{spec.kind, static_cast<int>(l), first, last, {}};
                        candidate.length = static_cast<int>(phrase.size());
                        candidates.push_back(candidate);
                    }
                }
            }
            // Longest phrases first, without overlaps.
            std::stable_sort(
                candidates.begin(), candidates.end(),
                [](const Candidate& a, const Candidate& b) { return a.length > b.length; });
            std::vector<Label> chosen;
            for (const Candidate& candidate : candidates) {
                const bool overlaps =
                    std::any_of(chosen.begin(), chosen.end(), [&](const Label& other) {
                        return candidate.label.first <= other.last &&
                               other.first <= candidate.label.last;
                    });
                if (!overlaps)
                    chosen.push_back(candidate.label);
            }
            std::sort(chosen.begin(), chosen.end(),
                      [](const Label& a, const Label& b) { return a.first < b.first; });
            // "Họ và tên / Full name": the two languages' labels form one.
            std::vector<Label> merged;
            for (const Label& label : chosen) {
                if (!merged.empty() && merged.back().kind == label.kind) {
                    bool onlyPunctuation = true;
                    for (int i = merged.back().last + 1; i < label.first; ++i)
                        onlyPunctuation =
                            onlyPunctuation && tokens[static_cast<size_t>(i)].folded.isEmpty();
                    if (onlyPunctuation) {
                        merged.back().last = label.last;
                        continue;
                    }
                }
                merged.push_back(label);
            }
            for (Label& label : merged) {
                // Trailing ':' and '/' belong to the label.
                while (static_cast<size_t>(label.last + 1) < tokens.size() &&
                       tokens[static_cast<size_t>(label.last + 1)].folded.isEmpty())
                    ++label.last;
                for (int i = label.first; i <= label.last; ++i) {
                    lines_[l][static_cast<size_t>(i)].isLabel = true;
                    label.box = label.box.united(tokens[static_cast<size_t>(i)].box);
                }
                labels_.push_back(label);
            }
        }
    }

    static Value valueOf(std::vector<const Token*> tokens)
    {
        Value value;
        QStringList words;
        double sum = 0;
        for (const Token* token : tokens) {
            words << token->raw;
            value.box = value.box.united(token->box);
            sum += token->confidence;
        }
        value.text = words.join(QLatin1Char(' ')).simplified();
        value.confidence = tokens.empty() ? 0 : sum / static_cast<double>(tokens.size());
        value.tokens = std::move(tokens);
        return value;
    }

    // The left edge of the nearest label to the right of `label` on its row, or INT_MAX.
    int rightBoundary(const Label& label) const
    {
        int boundary = std::numeric_limits<int>::max();
        const int centreY = label.box.center().y();
        for (const Label& other : labels_) {
            if (&other == &label || other.box.left() <= label.box.right())
                continue;
            if (centreY >= other.box.top() - label.box.height() / 2 &&
                centreY <= other.box.bottom() + label.box.height() / 2)
                boundary = std::min(boundary, other.box.left());
        }
        return boundary;
    }

    // The words after a label on its line, up to the next label or a wide gap: [first, end).
    std::pair<size_t, size_t> sameLineRange(const Label& label) const
    {
        const std::vector<Token>& tokens = lines_[static_cast<size_t>(label.line)];
        const int boundary = rightBoundary(label);
        const int maxGap = 4 * std::max(1, label.box.height());
        int previousRight = label.box.right();
        const size_t first = static_cast<size_t>(label.last + 1);
        size_t end = first;
        for (; end < tokens.size(); ++end) {
            const Token& token = tokens[end];
            if (token.isLabel || token.box.left() >= boundary ||
                token.box.left() - previousRight > maxGap)
                break;
            previousRight = token.box.right();
        }
        return {first, end};
    }

    std::vector<const Token*> sameLine(const Label& label) const
    {
        const auto [first, end] = sameLineRange(label);
        std::vector<const Token*> out;
        for (size_t i = first; i < end; ++i)
            out.push_back(&lines_[static_cast<size_t>(label.line)][i]);
        return out;
    }

    // The row of words just below `top`, between `left` and `right`; empty when that row
    // starts with a label.
    std::vector<const Token*> rowBelow(int top, int height, int left, int right, int reach,
                                       bool* hitLabel) const
    {
        const Token* nearest = nullptr;
        for (const std::vector<Token>& tokens : lines_) {
            for (const Token& token : tokens) {
                const int cx = token.box.center().x();
                if (cx < left || cx >= right)
                    continue;
                if (token.box.top() < top - height / 4 || token.box.top() > top + reach)
                    continue;
                if (token.folded.isEmpty() || token.isLabelledValue)
                    continue;
                if (!nearest || token.box.top() < nearest->box.top())
                    nearest = &token;
            }
        }
        *hitLabel = false;
        if (!nearest)
            return {};
        std::vector<const Token*> row;
        const int rowTop = nearest->box.top();
        const int rowBottom = nearest->box.bottom();
        for (const std::vector<Token>& tokens : lines_) {
            for (const Token& token : tokens) {
                const int cx = token.box.center().x();
                const int cy = token.box.center().y();
                if (cx < left || cx >= right || cy < rowTop || cy > rowBottom)
                    continue;
                if (token.isLabel) {
                    *hitLabel = true;
                    continue;
                }
                if (!token.isLabelledValue)
                    row.push_back(&token);
            }
        }
        if (*hitLabel)
            return {};
        std::sort(row.begin(), row.end(),
                  [](const Token* a, const Token* b) { return a->box.left() < b->box.left(); });
        return row;
    }

    std::vector<const Token*> below(const Label& label) const
    {
        const int height = std::max(1, label.box.height());
        bool hitLabel = false;
        return rowBelow(label.box.bottom(), height, label.box.left() - height,
                        rightBoundary(label) - height / 4, 2 * height, &hitLabel);
    }

    // Further lines of a long value (addresses wrap).
    void continueBelow(const Label& label, Value& value, int maxLines) const
    {
        for (int n = 0; n < maxLines && !value.tokens.empty(); ++n) {
            const int height = std::max(1, value.tokens.back()->box.height());
            bool hitLabel = false;
            const auto row = rowBelow(value.box.bottom(), height, label.box.left() - 2 * height,
                                      rightBoundary(label) - height / 4, height, &hitLabel);
            if (row.empty() || hitLabel)
                return;
            std::vector<const Token*> tokens = value.tokens;
            tokens.insert(tokens.end(), row.begin(), row.end());
            value = valueOf(tokens);
        }
    }

    // Candidate values of a label: on its line, then below it.
    std::vector<Value> candidates(const Label& label) const
    {
        std::vector<Value> out;
        const auto same = sameLine(label);
        if (!same.empty())
            out.push_back(valueOf(same));
        const auto under = below(label);
        if (!under.empty())
            out.push_back(valueOf(under));
        return out;
    }

    void put(IdentityFields& result, FieldKind kind, const QString& value, const QRect& box,
             double confidence) const
    {
        if (value.isEmpty())
            return;
        const ExtractedField* existing = result.find(kind);
        if (existing && existing->confidence >= confidence)
            return;
        result.fields[kind] = ExtractedField{value, FieldSource::Ocr, confidence, box};
    }

    void readLabelled(IdentityFields& result) const;
    void readAnywhere(IdentityFields& result) const;
    void readMrz(IdentityFields& result) const;

    std::vector<std::vector<Token>> lines_;
    std::vector<QRect> lineBoxes_;
    std::vector<Label> labels_;
};

QString nameFrom(const Value& value)
{
    QStringList words;
    for (const Token* token : value.tokens) {
        QString word;
        for (QChar c : token->raw) {
            if (c.isLetter())
                word += c;
        }
        if (!word.isEmpty())
            words << word;
    }
    if (words.size() < 2 || words.size() > 8)
        return {};
    return toNameCase(words.join(QLatin1Char(' ')));
}

QDate dateFrom(const QString& text)
{
    // Digits, or letters OCR mistakes for digits (fixed per group below).
    static const QRegularExpression date(QStringLiteral(
        "(?<![0-9A-Za-z])([0-9OoDQIl|!SsZzBG]{1,2})\\s*[/.\\-]\\s*([0-9OoDQIl|!SsZzBG]{1,2})"
        "\\s*[/.\\-]\\s*([0-9OoDQIl|!SsZzBG]{4})(?![0-9A-Za-z])"));
    QRegularExpressionMatchIterator matches = date.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        QStringList parts;
        for (int group = 1; group <= 3; ++group) {
            QString fixed = match.captured(group);
            // Force the look-alikes to digits: the group sits where a date's digits sit.
            fixed = fixDigits(QStringLiteral("00") + fixed).mid(2);
            parts << fixed;
        }
        bool dayOk = false, monthOk = false, yearOk = false;
        const QDate result(parts[2].toInt(&yearOk), parts[1].toInt(&monthOk),
                           parts[0].toInt(&dayOk));
        if (dayOk && monthOk && yearOk && result.isValid())
            return result;
    }
    return {};
}

// Free text without the card edge, rules or punctuation OCR leaves at either end.
QString textValue(const QString& text)
{
    QString out = tidyText(text);
    while (!out.isEmpty() && !out.front().isLetterOrNumber())
        out.remove(0, 1);
    while (!out.isEmpty() && !out.back().isLetterOrNumber())
        out.chop(1);
    return out.trimmed();
}

bool hasLetters(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetter(); });
}

void Reader::readLabelled(IdentityFields& result) const
{
    for (const Label& label : labels_) {
        if (!label.kind)
            continue;
        const FieldKind kind = *label.kind;
        for (Value value : candidates(label)) {
            QString text;
            double factor = 1.0;
            switch (kind) {
            case FieldKind::IdNumber: {
                const QString digits =
                    digitsOnly(fixDigits(QString(value.text).remove(QLatin1Char(' '))));
                if (const auto id = personalIdFrom(digits)) {
                    text = id->first;
                    factor = id->second;
                }
                break;
            }
            case FieldKind::OldId: {
                const QString digits =
                    digitsOnly(fixDigits(QString(value.text).remove(QLatin1Char(' '))));
                if (domain::OldIdNumber::isValid(digits))
                    text = digits;
                break;
            }
            case FieldKind::TaxCode: {
                const QString code = fixDigits(QString(value.text).remove(QLatin1Char(' ')));
                if (const auto tax = domain::TaxCode::tryParse(code))
                    text = tax->toString();
                break;
            }
            case FieldKind::Passport: {
                if (const auto passport = domain::PassportNumber::tryParse(
                        QString(value.text).remove(QLatin1Char(' '))))
                    text = passport->toString();
                break;
            }
            case FieldKind::FullName:
                text = nameFrom(value);
                break;
            case FieldKind::DateOfBirth:
            case FieldKind::IssueDate:
                text = isoDate(dateFrom(value.text));
                break;
            case FieldKind::Sex:
                if (!value.tokens.empty())
                    if (const auto sex = parseCardSex(value.tokens.front()->raw))
                        text = domain::sexToString(*sex);
                break;
            case FieldKind::Nationality:
                text = hasLetters(value.text) ? textValue(value.text) : QString();
                break;
            case FieldKind::PlaceOfOrigin:
            case FieldKind::Address:
                continueBelow(label, value, 2);
                text = hasLetters(value.text) ? textValue(value.text) : QString();
                factor = 0.9; // long free text: OCR errors are likely somewhere
                break;
            }
            if (!text.isEmpty()) {
                put(result, kind, text, value.box, value.confidence * factor);
                break;
            }
        }
    }
}

void Reader::readAnywhere(IdentityFields& result) const
{
    static const QRegularExpression passportForm(QStringLiteral("^[A-Z][0-9]{7}$"));
    static const QRegularExpression taxForm(QStringLiteral("^[0-9]{10}(-[0-9]{3})?$"));
    for (const std::vector<Token>& tokens : lines_) {
        // Runs of digit tokens on a line, joined: a number printed with spaces still counts.
        for (size_t i = 0; i < tokens.size(); ++i) {
            const QString fixed = fixDigits(tokens[i].raw);
            const QString cleaned =
                QString(fixed).remove(QRegularExpression(QStringLiteral("[^0-9A-Z\\-]")));
            if (passportForm.match(cleaned).hasMatch()) {
                if (const auto passport = domain::PassportNumber::tryParse(cleaned))
                    put(result, FieldKind::Passport, passport->toString(), tokens[i].box,
                        tokens[i].confidence * 0.8);
            }
            if (taxForm.match(cleaned).hasMatch()) {
                if (const auto tax = domain::TaxCode::tryParse(cleaned))
                    put(result, FieldKind::TaxCode, tax->toString(), tokens[i].box,
                        tokens[i].confidence * 0.8);
            }
            if (cleaned.contains(QLatin1Char('-')))
                continue;
            const QString digits = digitsOnly(fixed);
            if (digits.isEmpty() || digits.size() < fixed.trimmed().size() - 1)
                continue;
            if (const auto id = personalIdFrom(digits))
                put(result, FieldKind::IdNumber, id->first, tokens[i].box,
                    tokens[i].confidence * 0.8 * id->second);
            else if (digits.size() == domain::OldIdNumber::kLength)
                put(result, FieldKind::OldId, digits, tokens[i].box, tokens[i].confidence * 0.5);
        }
    }
}

void Reader::readMrz(IdentityFields& result) const
{
    for (size_t l = 0; l + 1 < lines_.size(); ++l) {
        auto joined = [&](size_t index) {
            QString text;
            for (const Token& token : lines_[index])
                text += token.raw;
            return cleanMrzLine(text);
        };
        QString first = joined(l);
        if (!first.startsWith(QLatin1String("P<")) || first.size() < 40 || first.size() > 46)
            continue;
        QString second = joined(l + 1);
        if (second.size() < 42 || second.size() > 46)
            continue;
        first = first.leftJustified(44, QLatin1Char('<'), true);
        second = second.leftJustified(44, QLatin1Char('<'), true);
        const auto mrz = parsePassportMrz(first, second);
        if (!mrz)
            continue;
        if (!mrz->allChecksOk()) {
            result.notes << IdCardOcrReader::tr(
                "A passport's machine-readable zone was found, but its check digits do not "
                "hold; it was not used.");
            return;
        }
        const QRect box = lineBoxes_[l].united(lineBoxes_[l + 1]);
        if (const auto passport = domain::PassportNumber::tryParseForeign(mrz->passportNumber)) {
            const QString visual = result.value(FieldKind::Passport);
            if (!visual.isEmpty() && visual != passport->toString())
                result.notes << IdCardOcrReader::tr(
                    "The passport number printed on the page differs from the one in the "
                    "machine-readable zone; the latter (check digits verified) was used.");
            result.fields[FieldKind::Passport] =
                ExtractedField{passport->toString(), FieldSource::Ocr, 0.95, box};
        }
        if (!result.find(FieldKind::DateOfBirth) && mrz->dateOfBirth.isValid())
            put(result, FieldKind::DateOfBirth, isoDate(mrz->dateOfBirth), box, 0.9);
        if (!result.find(FieldKind::Sex) && mrz->sex != domain::Sex::Unknown)
            put(result, FieldKind::Sex, domain::sexToString(mrz->sex), box, 0.9);
        return;
    }
}

IdentityFields Reader::read()
{
    IdentityFields result;
    readLabelled(result);
    readAnywhere(result);
    readMrz(result);

    // The ID's century/sex digit and birth year must agree with what the card prints.
    if (ExtractedField* id = result.fields.count(FieldKind::IdNumber)
                                 ? &result.fields[FieldKind::IdNumber]
                                 : nullptr) {
        const QDate birth = QDate::fromString(result.value(FieldKind::DateOfBirth), Qt::ISODate);
        const auto sex = domain::sexFromString(result.value(FieldKind::Sex));
        const auto parsed = domain::PersonalId::tryParse(id->value);
        if (parsed && !parsed->agreesWith(birth, sex.value_or(domain::Sex::Unknown))) {
            id->confidence *= 0.5;
            result.notes << IdCardOcrReader::tr(
                "The personal ID number read from the card does not agree with the date of "
                "birth or sex printed on it: check all three.");
        }
    }
    // A 12-digit ID found as "old ID" or tax code is the ID itself, not a second number.
    if (const ExtractedField* tax = result.find(FieldKind::TaxCode)) {
        if (tax->value == result.value(FieldKind::IdNumber))
            result.fields.erase(FieldKind::TaxCode);
    }
    return result;
}

} // namespace

IdentityFields IdCardOcrReader::read(const ocr::PageText& text)
{
    Reader reader(text);
    return reader.read();
}

} // namespace sohoa::identity
