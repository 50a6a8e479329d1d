/** The SMS API as a whole: the service its requests are signed for, and the version of its first actions. */
export const SMS_SERVICE = "volcSMS";
export const SMS_API_VERSION = "2021-01-11";
