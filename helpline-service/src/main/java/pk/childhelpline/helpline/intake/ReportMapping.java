package pk.childhelpline.helpline.intake;

import java.util.ArrayList;

import pk.childhelpline.helpline.crypto.Secrets;

/** Copies a validated report onto its entity, encrypting the reporter's name and phone number. */
final class ReportMapping {

    private ReportMapping() {
    }

    static void apply(Report report, ReportValidator.Validated validated, Secrets secrets) {
        ReportRequest request = validated.request();
        report.externalId = request.externalId();
        report.channel = request.channel();
        report.relationship = request.reporter().relationship();
        report.preferredLanguage = request.reporter().preferredLanguage();
        report.smsConsent = validated.smsConsent();
        report.safeToContact = Boolean.TRUE.equals(request.reporter().safeToContact());

        String owner = report.id.toString();
        String name = request.reporter().name();
        report.reporterNameEncrypted = name == null || name.isBlank() ? null : secrets.encrypt(name.strip(), owner);
        ReportValidator.Phone phone = validated.phone();
        report.reporterPhoneEncrypted = phone == null ? null : secrets.encrypt(phone.stored(), owner);
        report.reporterPhoneHash = phone == null || phone.e164() == null ? null : secrets.hashPhone(phone.e164());
        report.reporterPhoneKind = phone == null ? null : phone.kind();

        report.urgency = request.urgency();
        report.legalAidRequested = Boolean.TRUE.equals(request.legalAidRequested());
        report.narrative = request.narrative();
        report.locationDistrict = validated.location().district();
        report.locationProvince = validated.location().province();

        report.children.clear();
        for (ReportValidator.Child child : validated.children()) {
            Report.ChildRow row = new Report.ChildRow();
            row.ageYears = child.ageYears();
            row.gender = child.gender();
            row.district = child.home().district();
            row.province = child.home().province();
            report.children.add(row);
        }

        report.concerns.clear();
        report.concerns.addAll(new ArrayList<>(request.concerns()));
    }
}
