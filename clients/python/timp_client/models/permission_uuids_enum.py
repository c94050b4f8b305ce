from enum import StrEnum

class PermissionUuidsEnum(StrEnum):
    A66627C6_0C39_5BD9_B689_19A04D6BE898 = "a66627c6-0c39-5bd9-b689-19a04d6be898"
    DB3D422C_936B_541A_91FC_046516943B3F = "db3d422c-936b-541a-91fc-046516943b3f"
    VALUE_0 = "68b1647d-b6a7-48b1-9ec2-bf2f1003b6cc"
    VALUE_1 = "54b1e44c-2a10-5b49-94ef-94a1b4210f27"
    VALUE_3 = "8ca75cc9-5d60-577d-92fc-670646d19655"
    VALUE_5 = "0cf9b2f4-5c10-5d28-9256-ef98a15a1cca"
    VALUE_6 = "0528cc91-84b4-5881-82fd-f6dace9b10b0"
    VALUE_7 = "318f68dd-be39-52fc-8fec-e8281cbc514e"
    VALUE_8 = "169ac20c-a831-58aa-9546-d4505841e5fa"

    def __str__(self) -> str:
        return str(self.value)
