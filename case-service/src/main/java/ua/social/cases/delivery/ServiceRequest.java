package ua.social.cases.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import ua.social.contracts.code.ServiceCategory;

import java.time.LocalDate;

/** A service delivered, as staff record it on an appeal or a case (validated by the REST layer). */
public record ServiceRequest(@NotNull ServiceCategory category, @NotNull @PastOrPresent LocalDate deliveredOn,
                             @NotBlank @Size(max = 300) String provider, @Size(max = 2000) String description) {
}
