export interface RegisterVillage {
  type: 'RegisterVillage';
  data: { villageId: string; name: string };
}

export type VillageCommand = RegisterVillage;
