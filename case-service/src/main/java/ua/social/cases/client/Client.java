package ua.social.cases.client;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import ua.social.cases.client.ClientCommands.ClientRequest;
import ua.social.identity.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ua.social.contracts.name.NameFolding;

/** A person who receives social services (отримувач соціальних послуг). */
@Entity
@Table(name = "client")
public class Client extends PanacheEntityBase {

    public enum Sex { FEMALE, MALE }

    /** Disability group (група інвалідності); children have a category of their own. */
    public enum DisabilityGroup { GROUP_I, GROUP_II, GROUP_III, CHILD_WITH_DISABILITY }

    @Id
    public UUID id;
    @Column(name = "last_name")
    public String lastName;
    @Column(name = "first_name")
    public String firstName;
    public String patronymic;
    @Column(name = "name_key")
    public String nameKey;
    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;
    @Enumerated(EnumType.STRING)
    public Sex sex;
    public String phone;
    public String email;
    public String address;
    public String oblast;
    public String hromada;
    public String rnokpp;
    @Column(name = "idp_certificate_number")
    public String idpCertificateNumber;
    @Enumerated(EnumType.STRING)
    @Column(name = "disability_group")
    public DisabilityGroup disabilityGroup;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "vulnerable_groups")
    public List<String> vulnerableGroups;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public void refreshNameKey() {
        nameKey = NameFolding.fold(lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic));
    }

    public String fullName() {
        return lastName + " " + firstName + (patronymic == null ? "" : " " + patronymic);
    }

    /** The record moves to another community (a record request accepted there). */
    public void moveToCommunity(String toOblast, String toHromada, OffsetDateTime at) {
        oblast = toOblast;
        hromada = toHromada;
        updatedAt = at;
    }

    /**
     * Takes the person's details as the front office gave them (trimmed, blanks as none); 400 for a birth date
     * before 1900, and then nothing changes.
     */
    public void apply(ClientRequest req) {
        if (req.dateOfBirth().isBefore(LocalDate.of(1900, 1, 1))) {
            throw ProblemException.badRequest("dateOfBirth", "must be after 1900-01-01");
        }
        lastName = req.lastName().trim();
        firstName = req.firstName().trim();
        patronymic = blankToNull(req.patronymic());
        dateOfBirth = req.dateOfBirth();
        sex = req.sex();
        phone = blankToNull(req.phone());
        email = blankToNull(req.email());
        address = blankToNull(req.address());
        rnokpp = blankToNull(req.rnokpp());
        idpCertificateNumber = blankToNull(req.idpCertificateNumber());
        disabilityGroup = req.disabilityGroup();
        vulnerableGroups = req.vulnerableGroups() == null ? new ArrayList<>()
                : req.vulnerableGroups().stream().map(Enum::name).distinct().toList();
        refreshNameKey();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
