package dev.hearth.media;

/** Where a request stands (Overseerr's 1 pending, 2 approved, 3 declined; Seerr adds failed and completed). */
public enum RequestStatus {
    PENDING,
    APPROVED,
    DECLINED,
    FAILED,
    COMPLETED,
    UNKNOWN
}
