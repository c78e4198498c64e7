// Compile-time checks of the generated types (tsc -p . fails if one does not hold): the custom scalars are strings or
// unknown, never `any`, and the possible types list every implementation of an interface and member of a union.
import type { ImportDatasetMutationVariables, WhatWasSaidQuery, WhatWasSaidQueryVariables } from "./generated/graphql";
import type introspection from "./generated/possibleTypes";

type IsAny<T> = 0 extends 1 & T ? true : false;
type Exactly<A, B> = IsAny<A> extends true ? false : [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

type Statement = NonNullable<WhatWasSaidQuery["person"]>["statements"]["nodes"][number];
type TimelineEvent = Extract<WhatWasSaidQuery["timeline"]["nodes"][number], { __typename: "Event" }>;

export type Checks = [
  Assert<Exactly<Statement["saidOn"], string | null>>, // Date
  Assert<Exactly<TimelineEvent["startsAt"], string | null>>, // DateTime
  Assert<Exactly<WhatWasSaidQueryVariables["from"], string | null | undefined>>, // Date, as a variable
  Assert<Exactly<ImportDatasetMutationVariables["dataset"], unknown>>, // JSON
  Assert<Exactly<(typeof introspection)["possibleTypes"]["Speaker"][number], "Organization" | "Person" | "State">>,
  Assert<Exactly<(typeof introspection)["possibleTypes"]["TimelineItem"][number], "Event" | "Statement">>,
];

// @ts-expect-error a Date is a string: were it `any`, this line would compile and the directive would be an error
export const notANumber: number = ({} as Statement).saidOn;
