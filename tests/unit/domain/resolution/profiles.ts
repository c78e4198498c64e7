// Profiles the resolution tests share: a person by names, and Volodymyr Zelenskyy as President of Ukraine.
import type { EntityProfile } from "../../../../src/domain/resolution";

export const person = (id: string, names: string[], more: Partial<EntityProfile> = {}): EntityProfile => ({
  id,
  label: "Person",
  names,
  ...more,
});
export const president = { offices: [{ state: "state:ua", title: "President" }] };
export const zelenskyy = person("person:volodymyr-zelenskyy", ["Volodymyr Zelenskyy"], president);
