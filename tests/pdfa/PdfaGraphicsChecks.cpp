// SPDX-License-Identifier: GPL-3.0-or-later
// ISO 19005-2, 6.2.2–6.2.10 (and 6.1.10 for inline images): the output intent, device colour,
// images and XObjects, graphics states, and SoHoa's rule of no transparency at all.
#include "pdfa/PdfaChecks.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace sohoa::testing::pdfa {

namespace {

// Device colour spaces, as bits.
enum Family : unsigned
{
    Gray = 1,
    Rgb = 2,
    Cmyk = 4,
};

QString familyName(unsigned family)
{
    return family == Gray  ? QStringLiteral("DeviceGray")
           : family == Rgb ? QStringLiteral("DeviceRGB")
                           : QStringLiteral("DeviceCMYK");
}

bool isRenderingIntent(QPDFObjectHandle intent)
{
    return isName(intent, "RelativeColorimetric") || isName(intent, "AbsoluteColorimetric") ||
           isName(intent, "Perceptual") || isName(intent, "Saturation");
}

// What the first 128 bytes of an ICC profile say.
struct IccHeader
{
    int majorVersion = 0;
    QByteArray deviceClass;
    QByteArray colourSpace;
    int channels = 0; // 0: a colour space SoHoa has no use for
};

std::optional<IccHeader> readIccHeader(const QByteArray& profile)
{
    if (profile.size() < 128 || profile.mid(36, 4) != "acsp")
        return std::nullopt;
    IccHeader header;
    header.majorVersion = static_cast<unsigned char>(profile[8]);
    header.deviceClass = profile.mid(12, 4);
    header.colourSpace = profile.mid(16, 4);
    header.channels = header.colourSpace == "GRAY"   ? 1
                      : header.colourSpace == "RGB " ? 3
                      : header.colourSpace == "Lab " ? 3
                      : header.colourSpace == "CMYK" ? 4
                                                     : 0;
    return header;
}

// An ICC stream's /N is the number of channels of its profile (6.2.3, 6.2.4.2).
std::optional<IccHeader> checkIccStream(QPDFObjectHandle stream, const char* clause, Report& report)
{
    const QString where = describe(stream);
    const std::optional<IccHeader> header = readIccHeader(decodedData(stream));
    if (!header) {
        report.add(clause,
                   QStringLiteral("ICC stream %1 does not hold an ICC profile.").arg(where));
        return std::nullopt;
    }
    QPDFObjectHandle n = stream.getDict().getKey("/N");
    if (header->channels > 0 && (!n.isInteger() || n.getIntValue() != header->channels))
        report.add(clause, QStringLiteral("/N of ICC stream %1 is not %2, the channel count of "
                                          "its profile's colour space \"%3\".")
                               .arg(where)
                               .arg(header->channels)
                               .arg(QString::fromLatin1(header->colourSpace)));
    return header;
}

struct OutputIntent
{
    bool present = false; // an intent with /S /GTS_PDFA1
    unsigned family = 0;  // the device family its profile describes, if any
};

// 6.2.3: the PDF/A output intent.
OutputIntent checkOutputIntents(QPDF& pdf, Report& report)
{
    QPDFObjectHandle intents = pdf.getRoot().getKey("/OutputIntents");
    std::optional<QPDFObjectHandle> profile;
    bool pdfa = false;
    if (intents.isArray()) {
        for (QPDFObjectHandle intent : intents.getArrayAsVector()) {
            if (!intent.isDictionary())
                continue;
            const QString where = QStringLiteral("Output intent %1").arg(describe(intent));
            if (intent.hasKey("/DestOutputProfileRef"))
                report.add("6.2.3", QStringLiteral("%1 has /DestOutputProfileRef.").arg(where));
            const bool isPdfa = isName(intent.getKey("/S"), "GTS_PDFA1");
            pdfa = pdfa || isPdfa;
            QPDFObjectHandle destination = intent.getKey("/DestOutputProfile");
            if (!destination.isStream()) {
                if (isPdfa)
                    report.add("6.2.3", QStringLiteral("%1 (GTS_PDFA1) has no "
                                                       "/DestOutputProfile ICC stream.")
                                            .arg(where));
                continue;
            }
            // Every intent with a profile shares one indirect profile object.
            if (!profile)
                profile = destination;
            else if (destination.getObjGen() != profile->getObjGen())
                report.add("6.2.3", QStringLiteral("%1 has a different /DestOutputProfile than "
                                                   "the other output intents.")
                                        .arg(where));
        }
    }
    if (!pdfa) {
        report.add("6.2.3", QStringLiteral("SoHoa rule: the catalog has no output intent with "
                                           "/S /GTS_PDFA1."));
        return {};
    }
    if (!profile)
        return {true, 0};
    const std::optional<IccHeader> header = checkIccStream(*profile, "6.2.3", report);
    if (!header)
        return {true, 0};
    const QString where = describe(*profile);
    if (header->majorVersion > 4)
        report.add("6.2.3", QStringLiteral("Output profile %1 is ICC version %2; PDF 1.7 reads "
                                           "version 4 at most.")
                                .arg(where)
                                .arg(header->majorVersion));
    if (header->deviceClass != "prtr" && header->deviceClass != "mntr")
        report.add("6.2.3", QStringLiteral("Output profile %1 has device class \"%2\", not an "
                                           "output (prtr) or monitor (mntr) profile.")
                                .arg(where, QString::fromLatin1(header->deviceClass)));
    return {true, header->colourSpace == "GRAY"   ? unsigned{Gray}
                  : header->colourSpace == "RGB " ? unsigned{Rgb}
                  : header->colourSpace == "CMYK" ? unsigned{Cmyk}
                                                  : 0U};
}

// 6.2.4: device colour is allowed when the output intent (or a Default colour space) says what
// it means.
class ColourRules
{
public:
    ColourRules(OutputIntent intent, Report& report) : intent_(intent), report_(report) {}

    // The device families a colour space comes down to, through resource names, Indexed,
    // Separation and DeviceN alternates.
    unsigned families(QPDFObjectHandle space, QPDFObjectHandle resources, int depth = 0)
    {
        if (depth > 8)
            return 0;
        if (space.isName()) {
            const QString name = nameOf(space);
            if (name == u"DeviceGray" || name == u"G")
                return Gray;
            if (name == u"DeviceRGB" || name == u"RGB")
                return Rgb;
            if (name == u"DeviceCMYK" || name == u"CMYK")
                return Cmyk;
            QPDFObjectHandle named = resources.isDictionary() ? resources.getKey("/ColorSpace")
                                                              : QPDFObjectHandle::newNull();
            return named.isDictionary() && named.hasKey(space.getName())
                       ? families(named.getKey(space.getName()), resources, depth + 1)
                       : 0;
        }
        if (!space.isArray() || space.getArrayNItems() == 0)
            return 0;
        const QString kind = nameOf(space.getArrayItem(0));
        const int count = space.getArrayNItems();
        if (kind == u"ICCBased" && count > 1 && space.getArrayItem(1).isStream()) {
            QPDFObjectHandle profile = space.getArrayItem(1);
            if (checkedProfiles_.insert(profile.getObjGen()).second)
                checkIccStream(profile, "6.2.4.2", report_);
            return 0;
        }
        if ((kind == u"Indexed" || kind == u"I" || kind == u"Pattern") && count > 1)
            return families(space.getArrayItem(1), resources, depth + 1);
        if ((kind == u"Separation" || kind == u"DeviceN") && count > 2)
            return families(space.getArrayItem(2), resources, depth + 1);
        return 0;
    }

    void require(unsigned used, QPDFObjectHandle resources, const QString& what)
    {
        QPDFObjectHandle named = resources.isDictionary() ? resources.getKey("/ColorSpace")
                                                          : QPDFObjectHandle::newNull();
        const auto hasDefault = [&named](const char* key) {
            return named.isDictionary() && named.hasKey(key);
        };
        if ((used & Gray) != 0 && !intent_.present && !hasDefault("/DefaultGray"))
            report_.add("6.2.4.3", QStringLiteral("%1 uses DeviceGray without a PDF/A output "
                                                  "intent or DefaultGray.")
                                       .arg(what));
        for (const unsigned family : {Rgb, Cmyk}) {
            const char* defaultKey = family == Rgb ? "/DefaultRGB" : "/DefaultCMYK";
            if ((used & family) != 0 && intent_.family != family && !hasDefault(defaultKey))
                report_.add("6.2.4.3",
                            QStringLiteral("%1 uses %2, but the PDF/A output intent is not %3 "
                                           "and no %4 colour space is set.")
                                .arg(what, familyName(family),
                                     family == Rgb ? QStringLiteral("RGB") : QStringLiteral("CMYK"),
                                     QLatin1String(defaultKey + 1)));
        }
    }

private:
    OutputIntent intent_;
    Report& report_;
    std::set<QPDFObjGen> checkedProfiles_; // each ICC profile is decoded once
};

// Reads a content stream for what its resources cannot tell: colour operators, shadings drawn,
// rendering intents and inline images (6.1.10, 6.2.2, 6.2.4.3, 6.2.6).
class ContentScanner : public QPDFObjectHandle::ParserCallbacks
{
public:
    ContentScanner(ColourRules& colours, const ContentStream& stream, Report& report)
        : colours_(colours), resources_(stream.resources), where_(stream.where), report_(report)
    {
    }

    using QPDFObjectHandle::ParserCallbacks::handleObject;
    void handleObject(QPDFObjectHandle object) override
    {
        if (object.isOperator()) {
            handleOperator(object.getOperatorValue());
            operands_.clear();
        } else if (!object.isInlineImage()) {
            operands_.push_back(object);
        }
    }
    void handleEOF() override {}

private:
    void handleOperator(const std::string& op)
    {
        static const std::set<std::string> known = {
            "b",  "B",  "b*", "B*", "BDC", "BI", "BMC", "BT", "BX", "c",  "cm", "CS",  "cs",
            "d",  "d0", "d1", "Do", "DP",  "EI", "EMC", "ET", "EX", "f",  "F",  "f*",  "G",
            "g",  "gs", "h",  "i",  "ID",  "j",  "J",   "K",  "k",  "l",  "m",  "M",   "MP",
            "n",  "q",  "Q",  "re", "RG",  "rg", "ri",  "s",  "S",  "SC", "sc", "SCN", "scn",
            "sh", "T*", "Tc", "Td", "TD",  "Tf", "Tj",  "TJ", "TL", "Tm", "Tr", "Ts",  "Tw",
            "Tz", "v",  "w",  "W",  "W*",  "y",  "'",   "\""};
        const QString what =
            QStringLiteral("%1 (operator %2)").arg(where_, QString::fromStdString(op));
        if (op == "BX") {
            ++compatibility_;
        } else if (op == "EX") {
            compatibility_ = std::max(0, compatibility_ - 1);
        } else if (known.count(op) == 0 && compatibility_ == 0) {
            report_.add("6.2.2",
                        QStringLiteral("%1 uses an operator PDF 1.7 does not define.").arg(what));
        } else if (op == "g" || op == "G") {
            colours_.require(Gray, resources_, what);
        } else if (op == "rg" || op == "RG") {
            colours_.require(Rgb, resources_, what);
        } else if (op == "k" || op == "K") {
            colours_.require(Cmyk, resources_, what);
        } else if ((op == "cs" || op == "CS") && operands_.size() == 1) {
            colours_.require(colours_.families(operands_[0], resources_), resources_, what);
        } else if (op == "sh" && operands_.size() == 1 && operands_[0].isName()) {
            QPDFObjectHandle shadings = resources_.isDictionary() ? resources_.getKey("/Shading")
                                                                  : QPDFObjectHandle::newNull();
            QPDFObjectHandle shading = shadings.isDictionary()
                                           ? shadings.getKey(operands_[0].getName())
                                           : QPDFObjectHandle::newNull();
            QPDFObjectHandle dictionary = shading.isStream() ? shading.getDict() : shading;
            if (dictionary.isDictionary())
                colours_.require(colours_.families(dictionary.getKey("/ColorSpace"), resources_),
                                 resources_, what);
        } else if (op == "ri" && operands_.size() == 1 && !isRenderingIntent(operands_[0])) {
            report_.add("6.2.6",
                        QStringLiteral("%1 sets a non-standard rendering intent.").arg(what));
        } else if (op == "ID") {
            handleInlineImage(what);
        }
    }

    // The operands of ID are the inline image's key-value pairs.
    void handleInlineImage(const QString& what)
    {
        bool mask = false;
        for (size_t i = 0; i + 1 < operands_.size(); i += 2) {
            const QString key = nameOf(operands_[i]);
            QPDFObjectHandle value = operands_[i + 1];
            if ((key == u"IM" || key == u"ImageMask") && value.isBool())
                mask = value.getBoolValue();
            if ((key == u"I" || key == u"Interpolate") && value.isBool() && value.getBoolValue())
                report_.add(
                    "6.1.10",
                    QStringLiteral("The inline image of %1 has /Interpolate true.").arg(what));
            if (key == u"F" || key == u"Filter") {
                std::vector<QPDFObjectHandle> filters = value.isArray()
                                                            ? value.getArrayAsVector()
                                                            : std::vector<QPDFObjectHandle>{value};
                for (QPDFObjectHandle filter : filters) {
                    const QString name = nameOf(filter);
                    if (name == u"LZW" || name == u"LZWDecode" || name == u"JPXDecode")
                        report_.add("6.1.10",
                                    QStringLiteral("The inline image of %1 uses the %2 filter.")
                                        .arg(what, name));
                }
            }
        }
        for (size_t i = 0; !mask && i + 1 < operands_.size(); i += 2) {
            const QString key = nameOf(operands_[i]);
            if (key == u"CS" || key == u"ColorSpace")
                colours_.require(colours_.families(operands_[i + 1], resources_), resources_,
                                 QStringLiteral("The inline image of ") + what);
        }
    }

    ColourRules& colours_;
    QPDFObjectHandle resources_; // a copy: qpdf's accessors are not const
    QString where_;
    Report& report_;
    std::vector<QPDFObjectHandle> operands_;
    int compatibility_ = 0; // BX/EX nesting: unknown operators are allowed inside
};

// SoHoa's digitized copies have no transparency: stricter than 6.2.10, which allows it.
void reportTransparency(Report& report, const QString& what)
{
    report.add("6.2.10", QStringLiteral("SoHoa rule: %1 (no transparency).").arg(what));
}

void checkTransparencyGroup(QPDFObjectHandle owner, const QString& what, Report& report)
{
    QPDFObjectHandle group =
        owner.isStream() ? owner.getDict().getKey("/Group") : owner.getKey("/Group");
    if (group.isDictionary() && isName(group.getKey("/S"), "Transparency"))
        reportTransparency(report, what + QStringLiteral(" is a transparency group"));
}

// 6.2.8, 6.2.8.3, 6.2.10 and the image's colour space.
void checkImage(QPDFObjectHandle image, const QString& what, QPDFObjectHandle resources,
                ColourRules& colours, Report& report)
{
    QPDFObjectHandle dictionary = image.getDict();
    for (const char* key : {"/Alternates", "/OPI"}) {
        if (dictionary.hasKey(key))
            report.add("6.2.8", QStringLiteral("%1 has %2.").arg(what, QLatin1String(key)));
    }
    QPDFObjectHandle interpolate = dictionary.getKey("/Interpolate");
    if (interpolate.isBool() && interpolate.getBoolValue())
        report.add("6.2.8", QStringLiteral("%1 has /Interpolate true.").arg(what));
    QPDFObjectHandle bits = dictionary.getKey("/BitsPerComponent");
    if (bits.isInteger() && std::set<long long>{1, 2, 4, 8, 16}.count(bits.getIntValue()) == 0)
        report.add(
            "6.2.8",
            QStringLiteral("%1 has %2 bits per component.").arg(what).arg(bits.getIntValue()));
    QPDFObjectHandle intent = dictionary.getKey("/Intent");
    if (!intent.isNull() && !isRenderingIntent(intent))
        report.add("6.2.6", QStringLiteral("%1 has a non-standard /Intent.").arg(what));
    for (const std::string& filter : filtersOf(image)) {
        if (filter == "JPXDecode")
            report.add("6.2.8.3", QStringLiteral("SoHoa rule: %1 is JPEG 2000, which SoHoa does "
                                                 "not write and this checker does not check.")
                                      .arg(what));
    }
    if (dictionary.hasKey("/SMask"))
        reportTransparency(report, what + QStringLiteral(" has a soft mask (/SMask)"));
    if (dictionary.hasKey("/Mask"))
        reportTransparency(report, what + QStringLiteral(" has a /Mask"));
    QPDFObjectHandle inData = dictionary.getKey("/SMaskInData");
    if (inData.isInteger() && inData.getIntValue() != 0)
        reportTransparency(report, what + QStringLiteral(" has /SMaskInData"));
    QPDFObjectHandle mask = dictionary.getKey("/ImageMask");
    if (!(mask.isBool() && mask.getBoolValue()))
        colours.require(colours.families(dictionary.getKey("/ColorSpace"), resources), resources,
                        what);
}

// 6.2.9: no OPI, PostScript or reference XObjects; SoHoa: no transparency groups.
void checkForm(QPDFObjectHandle form, const QString& what, Report& report)
{
    QPDFObjectHandle dictionary = form.getDict();
    if (dictionary.hasKey("/OPI"))
        report.add("6.2.9", QStringLiteral("%1 has /OPI.").arg(what));
    if (isName(dictionary.getKey("/Subtype2"), "PS") || dictionary.hasKey("/PS"))
        report.add("6.2.9", QStringLiteral("%1 carries PostScript.").arg(what));
    if (dictionary.hasKey("/Ref"))
        report.add("6.2.9", QStringLiteral("%1 is a reference XObject.").arg(what));
    checkTransparencyGroup(form, what, report);
}

// 6.2.5, 6.2.6; SoHoa: no soft masks, constant alpha or blend modes.
void checkGraphicsState(QPDFObjectHandle state, const QString& what, Report& report)
{
    if (state.hasKey("/TR"))
        report.add("6.2.5", QStringLiteral("%1 has a transfer function (/TR).").arg(what));
    QPDFObjectHandle transfer2 = state.getKey("/TR2");
    if (!transfer2.isNull() && !isName(transfer2, "Default"))
        report.add("6.2.5", QStringLiteral("%1 has /TR2 other than /Default.").arg(what));
    if (state.hasKey("/HTP"))
        report.add("6.2.5", QStringLiteral("%1 has /HTP.").arg(what));
    QPDFObjectHandle intent = state.getKey("/RI");
    if (!intent.isNull() && !isRenderingIntent(intent))
        report.add("6.2.6", QStringLiteral("%1 has a non-standard /RI.").arg(what));
    QPDFObjectHandle mask = state.getKey("/SMask");
    if (!mask.isNull() && !isName(mask, "None"))
        reportTransparency(report, what + QStringLiteral(" sets a soft mask"));
    for (const char* key : {"/CA", "/ca"}) {
        QPDFObjectHandle alpha = state.getKey(key);
        if (alpha.isNumber() && alpha.getNumericValue() != 1.0)
            reportTransparency(report, what + QStringLiteral(" sets %1 %2")
                                                  .arg(QLatin1String(key))
                                                  .arg(alpha.getNumericValue()));
    }
    QPDFObjectHandle blend = state.getKey("/BM");
    std::vector<QPDFObjectHandle> modes =
        blend.isArray() ? blend.getArrayAsVector() : std::vector<QPDFObjectHandle>{blend};
    for (QPDFObjectHandle mode : modes) {
        if (mode.isName() && !isName(mode, "Normal") && !isName(mode, "Compatible"))
            reportTransparency(report,
                               what + QStringLiteral(" sets blend mode %1").arg(nameOf(mode)));
    }
}

} // namespace

void checkGraphics(QPDF& pdf, const DocumentParts& parts, Report& report)
{
    ColourRules colours(checkOutputIntents(pdf, report), report);

    for (size_t i = 0; i < parts.pages.size(); ++i)
        checkTransparencyGroup(parts.pages[i], QStringLiteral("page %1").arg(i + 1), report);

    std::set<QPDFObjGen> seen;
    const auto firstVisit = [&seen](QPDFObjectHandle object) {
        return !object.isIndirect() || seen.insert(object.getObjGen()).second;
    };
    for (const Resources& resources : parts.resources) {
        QPDFObjectHandle dictionary = resources.dictionary;
        const auto entries = [&dictionary](const char* key) {
            QPDFObjectHandle value = dictionary.getKey(key);
            return value.isDictionary() ? value.getDictAsMap()
                                        : std::map<std::string, QPDFObjectHandle>{};
        };
        for (auto& [name, xobject] : entries("/XObject")) {
            if (!xobject.isStream() || !firstVisit(xobject))
                continue;
            QPDFObjectHandle subtype = xobject.getDict().getKey("/Subtype");
            const QString what = QStringLiteral("%1: %2 %3 (%4)")
                                     .arg(resources.where, nameOf(subtype).toLower(),
                                          QString::fromStdString(name), describe(xobject));
            if (isName(subtype, "Image"))
                checkImage(xobject, what, dictionary, colours, report);
            else if (isName(subtype, "PS"))
                report.add("6.2.9", QStringLiteral("%1 is a PostScript XObject.").arg(what));
        }
        for (auto& [name, state] : entries("/ExtGState")) {
            if (state.isDictionary() && firstVisit(state))
                checkGraphicsState(
                    state,
                    QStringLiteral("%1: graphics state %2 (%3)")
                        .arg(resources.where, QString::fromStdString(name), describe(state)),
                    report);
        }
    }
    for (const ContentStream& stream : parts.contents) {
        QPDFObjectHandle contents = stream.contents;
        // Form XObjects, appearance streams included.
        if (contents.isStream() && isName(contents.getDict().getKey("/Subtype"), "Form"))
            checkForm(contents, QStringLiteral("%1 (%2)").arg(stream.where, describe(contents)),
                      report);
        ContentScanner scanner(colours, stream, report);
        QPDFObjectHandle::parseContentStream(contents, &scanner);
    }
}

} // namespace sohoa::testing::pdfa
